<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="ja_JP">
    <context>
        <name>ActionItemDialog</name>
        <message>
            <source>宿題事項の編集</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>宿題事項の追加</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>例: 事務局、地区担当職員</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>内容</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>担当</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>期限</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>宿題事項の内容を入力してください。</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ActionStatus</name>
        <message>
            <source>完了</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>未完了</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ActionsSection</name>
        <message>
            <source>この会議で決まった宿題事項（内容・担当・期限）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>宿題事項を追加</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>前回までの会議から続いている宿題事項</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>完了するまで、同じ会議体の次の会議に表示されます。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>選んだ宿題事項を完了にする</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>完了にする宿題事項を一覧から選んでください。</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ActivityDialog</name>
        <message>
            <source>活動記録</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>例: ごみゼロ・草ゼロ運動</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>人</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>時間</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>実施日</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>活動名</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>参加者数</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ボランティア時間（延べ）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>内容・参加した職員・メモ</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ActivityTab</name>
        <message>
            <source>職員</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>参加回数</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>うち記録</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>うち協働事業</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>時間（記録分）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>協働事業数</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>実施日</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>活動</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>学区</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>時間</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>出典</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>協働事業の活動日は、その事業の担当職員の参加として数えます（時間は記録分だけを合計します）。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>変更…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>削除…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>活動を記録…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>職員の記録</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>協働事業「{title}」</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>職員地域活動（{where}）: 延べ{n}回（記録{a}回・協働事業{b}回）・{h}時間・参加した職員{k}名</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>この行は協働事業「{title}」の活動記録から数えています。変えるときは協働事業の画面で活動記録を直してください。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>職員地域活動の記録を削除</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{name}さんの{date}の活動「{title}」の記録を削除しますか？
この操作は元に戻せません。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>削除</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>AgendaItemDialog</name>
        <message>
            <source>議題の編集</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>議題の追加</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>例: 事務局、会長、地区担当職員</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>区分</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>議題</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>説明者</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>議事の経過</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>説明・質疑・意見の要点。空行で段落を分けられます。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>結果</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>賛成（人）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>反対（人）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>棄権（人）</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>AgendaKind</name>
        <message>
            <source>その他</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>協議事項</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>報告事項</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>AgendaResult</name>
        <message>
            <source>—</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>全会一致</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>承認</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>継続審議</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>賛成多数</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>（なし・報告のみ）</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <source>エラー</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>思わぬエラーが起きました。作業中の内容を確かめてください。直らないときは、ログファイルを担当者に渡してください。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>データファイルを開けません</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ApproveDialog</name>
        <message>
            <source>議事録を確定</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>確定する</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>「{title}」の議事録を確定します。確定すると内容は変更できなくなり、変更するときは理由を添えた「修正」になります（元の版は残ります）。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>確定日</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>確定日を入力してください。</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>AttendanceEditor</name>
        <message>
            <source>委員</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>町職員（委員とは別に記載します）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>来賓・説明者</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>氏名</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>所属（例: 社会福祉協議会）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>来賓・説明者を追加</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> 名</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>傍聴者の人数</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>来賓・説明者の氏名と所属の両方を入力してから「追加」を押してください。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>成立（過半数の出席）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>不成立（過半数に達していません）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>委員 {total}名中 {n}名出席 — {verdict}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>AttendanceRow</name>
        <message>
            <source>代理の方の氏名</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{name}さんの代理出席者名</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>削除</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>AttendanceStatus</name>
        <message>
            <source>代理</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>出席</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>欠席</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>AvailabilityDialog</name>
        <message>
            <source>資機材の空き状況</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>資機材</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>表示</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>閉じる</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>空き状況</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>期間の始まりと終わりを入力してください。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>「{name}」は貸出不可になっています。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>「{name}」全{stock}個: この期間ずっと空いているのは{n}個です。</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>BodyKind</name>
        <message>
            <source>地域まちづくり協議会</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>地域まちづくり連絡会</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>部会</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>BrokenPage</name>
        <message>
            <source>この画面を開けませんでした。プログラムを最新版にしても直らないときは、ログファイルを担当者に渡してください。</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CouncilStatus</name>
        <message>
            <source>準備中</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>設立済</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DashboardPage</name>
        <message>
            <source>ダッシュボード</source>
            <extracomment>A card is at least this many full-width characters wide; the grid has as many columns as fit.</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>最新の状態にする</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>連絡会まとめを印刷…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>学区が登録されていません。「設定」の「学区」で学区を登録してください。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>読み込み中…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ダッシュボードを読み込めませんでした。「最新の状態にする」を押してください。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{date}現在・{n}学区</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>地域まちづくり連絡会　前回: {last}　次回: {next}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DiffView</name>
        <message>
            <source>変更箇所</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>（二つの版の内容は同じです）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>⋯</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>追加 {added}行・削除 {removed}行</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>District</name>
        <message>
            <source>全学区</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DistrictCard</name>
        <message>
            <source>{date} 第{number}回（{status}）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{n}名</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>なし</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>クリックすると、この学区の「{page}」を開きます</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>予定はありません</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>事業</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>件</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>会長</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>前回</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>名</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>委員</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>宿題</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>期限切れ {n}件</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>期限切れはありません</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>未解決 {n}件</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>次回</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>課題</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>貸出</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>（{date}）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>（未登録）</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DistrictDialog</name>
        <message>
            <source>学区の編集</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>学区を新規登録</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>例: 安食小学校区まちづくり協議会</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>学区名</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>例: 安食小学校区</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>協議会名</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>協議会の状況</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>設立日</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>設立済のときは必ず入力します。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>並び順</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>小さい数ほど上に並びます。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>備考</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Districts</name>
        <message>
            <source>使用中</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>内容</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>協議会</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>協議会名</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>学区名</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>操作した人</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>状態</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>統合済み → {target}（{date}）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>記録日</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>設立日</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DocumentDialog</name>
        <message>
            <source>書類を追加</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>例: 事業計画書</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>例: 住民活動推進課 書庫 A-3 / ファイルの場所</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>書類名</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>保管場所</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>提出日</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>EntityDialog</name>
        <message>
            <source>保存</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>キャンセル</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>保存できませんでした</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Equipment</name>
        <message>
            <source>0（空きなし）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>—</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>保管場所</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>借り手</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>可</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>学区</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>数量</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>期間</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>期限切れ（{n}日超過）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>本日の空き</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>状態</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>空き</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>管理番号</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>貸出</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>貸出・予約中</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>貸出不可</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>貸出日</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>資機材</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>資機材名</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>返却予定日</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>返却日</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>EquipmentDialog</name>
        <message>
            <source>資機材の編集</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>資機材を登録</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>例: T-01</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>例: 良好 / 脚が1本ぐらつく</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>貸し出せる</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>資機材名</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>管理番号</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>数量</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>保管場所</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>状態</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>貸出</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>壊れて使えないときは外します（貸出の記録は残ります）。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>備考</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>EquipmentPage</name>
        <message>
            <source>資機材の貸出</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>資機材の一覧</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>貸出</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>EvaluationDialog</name>
        <message>
            <source>事業の検証</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>未評価</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>年度</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>評価（5が最高）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>成果（達成できたこと・指標への貢献）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>見えてきた課題</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>今後の方向性</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>検証日</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Export</name>
        <message>
            <source>Excel ブック (*.xlsx);;CSV（Excelで開けます） (*.csv)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>この一覧を Excel（.xlsx）か CSV で保存します</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ファイルを保存できませんでした。保存先のフォルダと、そのファイルをExcelで開いていないかを確かめてください。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>一覧を書き出す</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>書き出し…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>書き出せませんでした</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>FieldRow</name>
        <message>
            <source>（必須）</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>GrantDialog</name>
        <message>
            <source>申請日</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>審査日</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>決定日（交付決定・不採用）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>実績報告日</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>確定日</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>補助金の申請</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>例: 地域まちづくり活動補助金</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ステータス: {status}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>年度</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>補助制度</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>申請額（円）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>交付決定額（円）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>支出額（円）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>実績として使った額。交付決定額を超えると注意が出ます。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>備考</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>添付書類</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>書類を追加…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>書類の名前と、紙やファイルの保管場所を記録します。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>書類の削除</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>書類「{title}」を一覧から外しますか？</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>削除</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>支出額が交付決定額を{over}超えています（超過）。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>申請額を入力してください（なければ0）。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{year}年度分 {scheme}
今の段階: {status}　申請額: {amount}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>その段階の日付</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>次の段階</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>補助金の申請を次の段階へ</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>GrantStatus</name>
        <message>
            <source>不採用</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>交付決定</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>実績報告</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>審査</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>申請</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>確定</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>GrantTotalsDialog</name>
        <message>
            <source>補助金の集計（年度・学区別）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>すべての年度</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>年度</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>全学区</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>学区</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>補助金の集計</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>閉じる</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>申請中・不採用も含めたすべての申請の合計です。支出額が交付決定額を超えた行は「期限切れ」と同じ赤で示します。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>合計</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Grants</name>
        <message>
            <source>{n}件</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{n}点</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{spent}（{over}超過）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ステータス</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>交付決定額</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>件数</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>保管場所</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>合計</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>学区</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>年度</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>提出日</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>支出額</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>支出額が交付決定額を超えています</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>日付</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>書類</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>書類名</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>申請額</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>補助制度</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>InventoryList</name>
        <message>
            <source>資機材名・管理番号・保管場所で検索（Ctrl+F）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>資機材の一覧</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>空き状況…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>この資機材を貸し出す…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>新規登録</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>町の資機材</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>品目</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>資機材の削除</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>資機材「{name}」を削除しますか？</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>削除</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>削除できません</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>IssueDialog</name>
        <message>
            <source>地域課題の編集</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>地域課題を登録</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>地域まちづくり連絡会で共有する</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>課題名</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>学区</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>分類</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>提起日</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>優先度</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>出どころ</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>どこで出た課題か: 会議・住民の声・職員・連絡会</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>内容</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>連絡会</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>現在のステータス: {status}　関連する事業: {projects}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>なし</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ステータスの履歴</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ステータスは一覧の「ステータス変更…」で変えます。変更は日付とコメントつきで残ります。</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>IssueMatrix</name>
        <message>
            <source>{district} {category} {n}件</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{district} × {category}: {n}件（クリックで一覧を表示）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>すべての分類</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>全学区</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>合計</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>IssueMatrixDialog</name>
        <message>
            <source>課題の一覧表（学区 × 分類）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>未解決の課題だけ数える</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>すべての年度</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>提起した年度</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>閉じる</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>課題の一覧表</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>数字を押すと、その学区・分類の課題の一覧を開きます。</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>IssueSource</name>
        <message>
            <source>会議</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>住民の声</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>職員</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>連絡会</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>IssueStatus</name>
        <message>
            <source>事業化</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>取り下げ</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>提起</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>検討中</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>継続検討</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>解決</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>IssueStatusDialog</name>
        <message>
            <source>「{title}」（{district}）
今のステータス: {status}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>「事業化」にするには、先に協働事業をこの課題に結び付けてください（一覧の「事業にする…」）。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>地域課題のステータス変更</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Issues</name>
        <message>
            <source>{to}（登録）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>コメント</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ステータス</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>優先度</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>共有</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>出どころ</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>分類</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>地域まちづくり連絡会で共有する課題</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>変更</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>学区</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>提起日</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>日付</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>記録者</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>課題名</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>連絡会</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>関連する事業</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>IssuesPage</name>
        <message>
            <source>地域課題</source>
            <extracomment>The status filter's value for 未解決 (every open status).</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>課題名・内容・分類で検索（ひらがな・カタカナ・全角半角を問わず）（Ctrl+F）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>すべてのステータス</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>すべての年度</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>連絡会で共有する課題だけ</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>分類で絞り込み</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ステータスで絞り込み</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>提起した年度で絞り込み</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>課題の一覧表…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>連絡会で共有</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>事業にする…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ステータス変更…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>新規登録</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>未解決のみ</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>すべての分類</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>件</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>連絡会での共有をやめる</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>協働事業を登録しました。この課題を「事業化」にするには、まず「検討中」にしてください。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>地域課題の削除</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>地域課題「{title}」を、履歴とともに削除しますか？
この操作は元に戻せません。もう扱わない課題は、ステータスを「取り下げ」にすると記録が残ります。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>削除</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>削除できません</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Language</name>
        <message>
            <source>パソコンの設定に合わせる</source>
            <extracomment>(setting value, label). Language names are written in their own language so anyone can find theirs; only "follow the computer" is translated.</extracomment>
            <translation>Same as the computer</translation>
        </message>
    </context>
    <context>
        <name>ListPage</name>
        <message>
            <source>{district}・{count}{unit}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LoanDialog</name>
        <message>
            <source>資機材の貸出・予約</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>（選んでください）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>（なし）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>（団体の学区）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>予約として登録する（まだ渡していない）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>資機材</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>数量</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>貸出日</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>返却予定日</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>借りる団体</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>団体か人のどちらかは必ず選びます。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>担当者（借りる人）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>使う協働事業</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>学区</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>備考</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>登録</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>予約する</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>この期間に貸し出せる数: {n}個（全{stock}個）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>貸し出す資機材を選んでください。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{item} {n}個　{who}
貸出 {lent}　返却予定 {due}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>変更後</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>資機材の返却</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>返却を記録</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>返却日</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LoanSlipDialog</name>
        <message>
            <source>貸出票を印刷</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{item} {n}個　{who}
{lent}〜{due}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>保存したらPDFを開く（そこから印刷できます）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PDFとして保存…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>閉じる</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PDFとして保存</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>印刷できない文字があります</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>次の文字は、この機械にある字形では印刷できず、空白になります:
{chars}
このまま保存しますか？</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>このまま保存</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PDFを作っています…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>保存しました: {path}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PDFを保存できませんでした。保存先のフォルダと空き容量を確かめてください。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PDFを作れませんでした</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LoanStatus</name>
        <message>
            <source>予約</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>取消</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>貸出中</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>返却済</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LoansList</name>
        <message>
            <source>資機材名・借り手・備考で検索（Ctrl+F）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>予約・貸出中</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>期限切れだけ</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>すべての状態</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>状態で絞り込み</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>資機材で絞り込み</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>貸出・予約…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>資機材の貸出</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>貸出票を印刷…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>取消</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>受け渡し</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>返却…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>すべての資機材</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>件</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>（うち期限切れ {n}件）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>予約です。渡したときは「受け渡し」を押してください。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>この貸出は「{status}」です。変更できるのは予約と貸出中だけです。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>貸出の取消</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>「{item}」{n}個（{who}、{lent}〜{due}）の{what}を取り消しますか？
取り消すと、その期間の在庫が空きに戻ります。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>予約</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>貸出</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>取り消す</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>栄町 まちづくり協議会</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>画面の一覧</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>学区</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>表示する学区(&amp;G):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>表示する学区</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>データ: {where}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>最終バックアップ: まだありません</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>最終バックアップ: {date} {time}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ファイル(&amp;F)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>新規…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>開く…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>最近使ったファイル</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>終了</source>
            <translation>Quit</translation>
        </message>
        <message>
            <source>表示(&amp;V)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>文字サイズ</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>大きくする</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>小さくする</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ヘルプ(&amp;H)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>バージョン情報</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>データの保存場所</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>新しいデータファイル</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>データファイル (*.db)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>データファイルを開く</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>データファイル (*.db);;すべてのファイル (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>開けませんでした</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>栄町 まちづくり協議会 運営支援プログラム
バージョン {version}

画面と印刷の文字: BIZ UDゴシック・明朝（SIL Open Font License）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>データは次の場所に保存されています。
{where}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>フォルダを開く</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>閉じる</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ManualHistoryDialog</name>
        <message>
            <source>保存履歴 — {title}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>版</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>保存日時</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>保存した人</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>変更の要約</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>比較元の版</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>比較先の版</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>比較:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>→</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>選んだ版に戻す…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>選んだ版の見出しと本文を、新しい版として保存し直します</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>閉じる</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>版を戻す</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>「{title}」を{label}（{summary}）の内容に戻しますか？
今の内容も履歴に残るので、後からまた戻せます。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>戻す</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>戻せませんでした</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ManualPage</name>
        <message>
            <source>協働マニュアル</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>冊子を印刷…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>版を発行…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>検索結果</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>マニュアル全体を検索（Ctrl+F）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>章と節</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>章を追加</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>節を追加</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>▲ 上へ</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>▼ 下へ</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>削除…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>上へ移動</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>下へ移動</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>項目はドラッグして並べ替えたり、別の章の中へ移したりできます。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>検索欄を空にすると（Esc）章と節の一覧に戻ります。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>見出し</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>● 保存していない変更があります</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>保存履歴…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>保存…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>マニュアル</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>研修の記録</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>職員地域活動</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>最新の版: {label}（{date}発行）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>まだ版を発行していません</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{chapters}章・{sections}節　{latest}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{label}・{when}・{author}「{summary}」</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>左の一覧から章や節を選ぶと、ここで編集できます。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>保存していない変更</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>「{title}」の変更はまだ保存していません。
変更を捨てて移りますか？</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>変更を捨てる</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>「{title}」を第{n}版として保存しました。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>「{title}」を以前の内容に戻しました（第{n}版）。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>移動できませんでした</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>その下の{n}項目も一緒に削除されます。
</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>章・節の削除</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>「{label}」を削除しますか？
{extra}保存履歴も消え、元に戻せません（発行済みの版には残ります）。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>削除</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>「{label}」を削除しました。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>「{q}」: {n}件</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>「{q}」は見つかりませんでした。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{label}を発行しました。「冊子を印刷…」からPDFにできます。</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ManualPrintDialog</name>
        <message>
            <source>冊子を印刷</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{label}（{date}発行）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>今の原稿（未発行）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>保存したらPDFを開く（そこから印刷できます）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>印刷する版</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>発行した版は、発行したときの内容で印刷されます。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PDFとして保存…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>閉じる</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>第{n}版</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>原稿_{date}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>協働マニュアル_{which}.pdf</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PDFとして保存</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>印刷できない文字があります</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>次の文字は、この機械にある字形では印刷できず、空白になります:
{chars}
IPAmj明朝をインストールすると印刷できます。このまま保存しますか？</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>このまま保存</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>冊子のPDFを作っています…（目次のページ番号を確かめるため、少し時間がかかります）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>保存しました: {path}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PDFを保存できませんでした。保存先のフォルダと空き容量を確かめてください。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PDFを作れませんでした</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ManualPublishDialog</name>
        <message>
            <source>版を発行</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>今のマニュアルを第{number}版として発行します。発行した版の内容と冊子は、その後マニュアルを書き換えても変わりません。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>前の版: {label}（{title}）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>編集中でまだ保存していない変更は、この版に含まれません。含めるときは、先に保存してください。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>協働マニュアル 第{number}版</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>発行日</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>版の表題</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>空欄のときは「協働マニュアル 第N版」になります。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>発行</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>発行日を入力してください。</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ManualSaveDialog</name>
        <message>
            <source>変更を保存</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>「{path}」を第{number}版として保存します。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>例: 連絡先の課名を更新</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>変更の要約（1行）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>何をなぜ変えたかを短く書きます。履歴の一覧に表示されます。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>保存</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ManualSectionDialog</name>
        <message>
            <source>章を追加</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>節を追加</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>マニュアルの最後に新しい章を加えます。章の番号は並び順で自動的に付きます。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>「{path}」の最後に新しい節を加えます。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>例: 協働事業の広報</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>例: 8-1 広報紙への掲載</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>見出し</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>追加</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ManualTreeModel</name>
        <message>
            <source>章・節</source>
            <extracomment>Role under which every item returns its ManualSectionDTO.</extracomment>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MarkdownEditor</name>
        <message>
            <source>本文（Markdown）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>本文を入力します。行頭の「- 」で箇条書き、「1. 」で番号付き、「- [ ] 」でチェック項目、**太字**、*強調* になります。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>プレビュー</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>太字</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>選んだ文字を **太字** にします</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>箇条書き</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>行の先頭に「- 」を付けます</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>番号付き</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>行の先頭に「1. 」を付けます</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>チェック</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>行の先頭に「- [ ] 」を付けます（冊子では□になります）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>表</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>2列の表のひな形を入れます</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>プレビューを表示</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MeetingEditor</name>
        <message>
            <source>会議・議事録の編集</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>開催日</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>年度が変わると、その年度の第何回かに付け直します。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>開始時刻</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>終了時刻</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>場所</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>議長</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>記録者</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>出欠が「出席」か「代理」の方から選びます。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>議事録署名人（1人目）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>議事録署名人（2人目）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>日時・役割</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>出欠</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>議題（報告事項・協議事項・その他）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>議題を追加</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>議題</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>決定事項</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>1行に1件ずつ書きます。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>決定事項・宿題</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>配布資料</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>今後の予定・次回</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>配布資料・次回</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>印刷…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>確定…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>修正する</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>保存</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>閉じる</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{title}（{date}）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>版の記録:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>第{n}版 {date} {who} — {reason}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>（未定）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>［欠席］</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>確定（第{n}版）　確定日 {date}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>　— 変更するときは「修正する」を押してください。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>　— 修正中です。保存すると第{n}版になります。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>下書き — まだ確定していません。印刷すると「下書き」と入ります。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>修正を保存…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>開催日を入力してください。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>保存できませんでした</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>保存していない変更</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>「{title}」に保存していない変更があります。保存せずに閉じますか？</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>保存せずに閉じる</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MeetingFields</name>
        <message>
            <source>時刻は「19:00」や「19時30分」のように入力してください。</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MeetingPrintDialog</name>
        <message>
            <source>印刷 — {title}</source>
            <extracomment>Highest resolution pages are rendered at for the printer (memory stays small on town laptops).</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>次第（会議の前に配る）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>出席簿（署名欄つき）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>議事録</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>印刷するもの</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>議事録の版</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>この環境では画面でのプレビューができません。「PDFを開く」で確認・印刷してください。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>印刷…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PDFを開く</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PDFとして保存…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>閉じる</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>下書き（「下書き」と入ります）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>最新（第{n}版）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>第{n}版 — {reason}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PDFを作っています…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>・{field}: {chars}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>次の文字は、この機械にある字形では印刷できず空白になります。IPAmj明朝を入れると印刷できます。
{lines}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{n}ページ</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PDFができました。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PDFを作れませんでした</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PDFとして保存</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PDFを保存できませんでした。保存先のフォルダと空き容量を確かめてください。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>保存しました: {path}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>印刷</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>プリンターを使えませんでした。プリンターの電源と接続を確かめてください。</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MeetingTables</name>
        <message>
            <source>{label}（第{n}版）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{label}（賛成{a}・反対{b}）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>まだ確定していません</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>会議体</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>内容</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>出た会議</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>区分</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>回</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>場所</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>担当</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>時間</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>期限</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>確定日 {date}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>結果</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>説明者</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>議事録</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>議題</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>開催日</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MeetingsPage</name>
        <message>
            <source>会議・議事録</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>会議体・場所・回で検索（Ctrl+F）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>下書きも確定も</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>会議体で絞り込み</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>年度で絞り込み</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>議事録の状態で絞り込み</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>カレンダーに書き出す…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>印刷…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>新規登録</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>すべての会議体</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>すべての年度</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>件</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>「{title}」は議事録が確定しているため削除できません。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>会議の削除</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>「{title}」（{date}）を、出欠・議題・議事録ごと削除しますか？
この操作は元に戻せません。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>削除</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>印刷する会議を一覧から選んでください。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>カレンダーに書き出す</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>会議予定.ics</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>iCalendar (*.ics)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>カレンダーのファイルを保存できませんでした。保存先を確かめてください。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>カレンダーに書き出しました</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>これからの会議{n}件を書き出しました。職員のカレンダーに取り込めます。
{path}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MemberRole</name>
        <message>
            <source>NPO・団体</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>その他</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ふれあい推進員</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>事業者</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>地区担当職員</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>学校・PTA</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>町からの公職</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MembershipDialog</name>
        <message>
            <source>委嘱の編集</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>委嘱の追加</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>学区</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>役割</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>公職名</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>町からの公職の方だけ。例: 民生委員・児童委員、自治会長</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>役職</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>委嘱日</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>任期（始め）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>任期（終わり）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>退任日</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>任期の途中でやめた日。退任しても記録は履歴として残ります。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>学区を選んでください。学区がないときは「設定」で登録してください。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>町からの公職の方は、公職名（例: 民生委員・児童委員）を入力してください。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>任期の終わりが始まりより前になっています。日付を確認してください。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>退任日が任期の始まりより前になっています。日付を確認してください。</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Memberships</name>
        <message>
            <source>任期</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>学区</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>役割</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>役職</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>状況</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>（退任 {date}）</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MembershipsEditor</name>
        <message>
            <source>委嘱（学区・役割・役職・任期）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>委嘱を追加</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>編集</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>行を削除</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>退任したときは「編集」で退任日を入れてください。記録は履歴として残ります。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>委嘱の削除</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>「{district} {role}」の記録を消しますか？
入力の誤りを消すときだけ使います。退任したときは「編集」で退任日を入れると、履歴として残ります。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>記録を消す</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MergeDialog</name>
        <message>
            <source>学区の統合（学区再編）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>統合する学区の、任期中の委嘱は統合日で終わり、統合先で同じ役割の委嘱が始まります（役職は委員になります）。地域課題・協働事業・会議体（議事録）・団体・貸出中の資機材は統合先に移ります。統合する学区の記録は「統合済み」として残り、いつ何が移ったかは下の「学区再編の記録」で確かめられます。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>統合する学区（なくなる学区）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>統合先の学区（残る学区）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>統合日</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>統合する</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>統合日を入力してください。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>統合する学区と統合先を選んでください。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>学区の統合</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>「{source}」を「{target}」に統合します（{date}）。
この操作は元に戻せません。よろしいですか？</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MessageLine</name>
        <message>
            <source>エラー</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>注意</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Messages</name>
        <message>
            <source>できませんでした</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>キャンセル</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>思わぬエラーが起きました。もう一度試しても直らないときは、ログファイルを担当者に渡してください。</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MilestoneDialog</name>
        <message>
            <source>工程</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>工程名</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>期日</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>進捗</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>0〜100%。終わったら100%にして完了日を入れます。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>完了日</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MinutesStatus</name>
        <message>
            <source>下書き</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>確定</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Navigation</name>
        <message>
            <source>ダッシュボード</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>名簿</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>団体・協働パートナー</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>地域課題</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>協働事業</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>会議・議事録</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>協働マニュアル</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>資機材</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>指標</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>設定</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>NewMeetingDialog</name>
        <message>
            <source>会議の新規登録</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>会議体</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>開催日</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>開始時刻</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>終了時刻</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>場所</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>第何回かは、会議体と開催日から自動で決まります。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{fy} 第{n}回として登録されます。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>開催日を入力してください。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>会議体を選んでください。</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>OfficerPost</name>
        <message>
            <source>事務局</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>会計</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>会長</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>副会長</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>委員</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>監事</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>OrganisationDialog</name>
        <message>
            <source>団体の編集</source>
            <extracomment>The contact-person list offers at most this many people; the rest are found by typing.</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>団体を新規登録</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>町全体（学区なし）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>（なし）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>例: 0476-95-1234</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>団体名</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>フリガナ</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>カタカナかひらがなで。一覧は五十音順に並びます。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>種別</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>学区</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>担当者</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>名簿にいる方から選びます。名前を入力すると絞り込めます。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>電話番号</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>住所</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>備考</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>担当者は一覧から選んでください。名簿にいない方は、先に名簿に登録してください。</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>OrganisationKind</name>
        <message>
            <source>NPO法人</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>その他</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ボランティア団体</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>事業者</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>学校・PTA</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>自治会・自治組織</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>行政・公的機関</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Organisations</name>
        <message>
            <source>フリガナ</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>団体名</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>学区</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>担当者</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>町全体</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>種別</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>電話</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>OrganisationsPage</name>
        <message>
            <source>団体・協働パートナー</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>団体名・フリガナ・担当者・備考で検索（Ctrl+F）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>すべての種別</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>種別で絞り込み</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>削除した団体を表示</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>元に戻す</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>新規登録</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>団体</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>団体の削除</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>「{name}」を一覧から削除しますか？
削除した後も「元に戻す」で戻せます。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>削除</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>「{name}」を削除しました。</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PartnerDialog</name>
        <message>
            <source>協働パートナー</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>団体</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>個人（名簿の人）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>（選んでください）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>個人</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>役割分担</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>例: 会場の提供、参加者の募集、当日の運営</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PersonDialog</name>
        <message>
            <source>名簿の編集</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>名簿に新規登録</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>例: 270-1516</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>例: 0476-95-1234</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>例: taro@example.jp</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>（なし）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>氏名</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>姓と名の間は空けても空けなくても構いません。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>フリガナ</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>カタカナかひらがなで。名簿は五十音順に並びます。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>郵便番号</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>住所</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>電話番号</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>メールアドレス</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>所属団体</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>備考</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>同じ氏名・フリガナの方がすでに名簿にいます: {who}。同じ方なら、新しく登録せずにその方を編集してください。</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PlaceholderPage</name>
        <message>
            <source>この画面は準備中です。</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PrintRosterDialog</name>
        <message>
            <source>名簿を印刷</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>連絡先（住所・電話・メール）を載せる</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>保存したらPDFを開く（そこから印刷できます）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>学区</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>連絡先</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>会議で配るときは外してください。個人情報を守るためです。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PDFとして保存…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>閉じる</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>_配布用</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PDFとして保存</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>印刷できない文字があります</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>次の文字は、この機械にある字形では印刷できず、空白になります:
{chars}
IPAmj明朝をインストールすると印刷できます。このまま保存しますか？</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>このまま保存</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PDFを作っています…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>保存しました: {path}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PDFを保存できませんでした。保存先のフォルダと空き容量を確かめてください。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PDFを作れませんでした</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Priority</name>
        <message>
            <source>中</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>低</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>高</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ProjectDetailDialog</name>
        <message>
            <source>協働事業の詳細</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>基本情報を編集…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ステータス変更…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>目的</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>取り組む地域課題</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>概要</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>協働パートナーと役割分担</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>パートナー</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>工程（期日と進捗）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>工程</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>参加する地区担当職員</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>職員</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>担当から外す</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>補助金の申請</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>補助金</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{year}年度の申請（{amount}）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>次の段階へ…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>活動記録</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>年度ごとの検証</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>検証</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{year}年度の検証</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>閉じる</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ステータス: {s}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>期間: {t}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>立ち上げ: {d}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>主体: {o}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>（未入力）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>合計　申請額 {r}　交付決定額 {g}　支出額 {s}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>　— 交付決定額を超えた申請が{n}件あります</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{n}回　延べ参加者 {p}人　ボランティア {h}時間</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>削除の確認</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>「{what}」を削除しますか？</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>削除</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>協働事業のステータス変更</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>「{title}」
今のステータス: {status}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>初めて「交付決定」か「実施中」にした日が、事業の立ち上げ日になります。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>進める申請を一覧で選んでください。</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ProjectDialog</name>
        <message>
            <source>協働事業の基本情報</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>協働事業を登録</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>事業名</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>学区</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>区分</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>⑬ 学区の協議会が進める協働事業か、⑭ 自治会などの自治組織のコミュニティ事業か</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>目的</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>開始日</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>終了日</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>主体となる団体</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>取り組む地域課題</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>チェックした課題がこの事業に結び付きます（学区の未解決の課題を表示）。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>（なし）</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ProjectKind</name>
        <message>
            <source>コミュニティ事業（⑭）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>小学校区協働事業（⑬）</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ProjectStatus</name>
        <message>
            <source>中止</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>交付決定</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>完了</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>実施中</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>検証済</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>構想</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>申請中</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Projects</name>
        <message>
            <source>{n}人</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{n}件</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{n}時間</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>⑬ 小学校区協働</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>⑭ コミュニティ</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ステータス</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ボランティア時間</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>事業名</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>今後の方向性</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>個人</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>内容</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>区分</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>協働パートナー</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>参加者数</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>団体</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>地区担当職員</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>学区</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>完了日</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>実施日</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>工程</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>年度</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>役割分担</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>成果</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>担当内容</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>期日</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>期間</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>未評価</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>検証日</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>活動名</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>種別</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>立ち上げ</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>評価</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>課題</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>課題名</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>進捗</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>関連課題</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>（期限切れ）</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ProjectsPage</name>
        <message>
            <source>協働事業</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>事業名・目的で検索（Ctrl+F）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>すべてのステータス</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>⑬・⑭ すべて</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ステータスで絞り込み</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>区分で絞り込み</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>補助金の集計…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>新規登録</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>詳細を開く…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>事業</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>協働事業の削除</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>協働事業「{title}」を、パートナー・工程・活動記録・検証とともに削除しますか？
この操作は元に戻せません。やめた事業は、ステータスを「中止」にすると記録が残ります。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>削除</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>削除できません</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RecordSection</name>
        <message>
            <source>追加…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>編集…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>削除</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>編集する行を一覧で選んでください。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>削除する行を一覧で選んでください。</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ReviseDialog</name>
        <message>
            <source>確定した議事録の修正</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>修正を保存</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>修正すると第{n}版になります。第{m}版までの内容はそのまま残り、いつでも印刷できます。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>修正の理由</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>例: 決定事項の記載漏れを追加</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Roster</name>
        <message>
            <source> ほか{n}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>フリガナ</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>任期</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>学区</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>役割</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>役職</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>所属: {org}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>氏名</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>退任日 {date}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>連絡先</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>（学区なし）</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RosterPage</name>
        <message>
            <source>名簿</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>氏名・フリガナ・団体・備考で検索（Ctrl+F）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>すべての役割</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>すべての役職</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>すべての任期</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>削除した人を表示</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>役割で絞り込み</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>役職で絞り込み</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>任期で絞り込み</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>元に戻す</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>名簿を印刷…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>新規登録</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>名（削除済み）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>名</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>名簿から削除</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>「{name}」さんを名簿から削除しますか？
削除した後も「元に戻す」で戻せます。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>削除</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>「{name}」さんを名簿から削除しました。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>完全に削除</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>「{name}」さんの記録を完全に消しますか？
この操作は元に戻せません。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>完全には削除できません</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RowsEditor</name>
        <message>
            <source>編集</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>削除</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>上へ</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>下へ</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ServerDialog</name>
        <message>
            <source>町役場のサーバーにつなぐ</source>
            <extracomment>The server URL (without any password) chosen at a start, offered again at the next start.</extracomment>
            <translation>Connect to the town hall server</translation>
        </message>
        <message>
            <source>接続先</source>
            <translation>Server address</translation>
        </message>
        <message>
            <source>パスワード</source>
            <translation>Password</translation>
        </message>
        <message>
            <source>接続先(&amp;U):</source>
            <translation>Server &amp;address:</translation>
        </message>
        <message>
            <source>パスワード(&amp;P):</source>
            <translation>&amp;Password:</translation>
        </message>
        <message>
            <source>接続先は、サーバーの担当者にたずねてください。パスワードは保存されず、起動のたびにたずねます。</source>
            <translation>Ask the server administrator for the address. The password is never stored; you will be asked for it at every start.</translation>
        </message>
        <message>
            <source>接続テスト</source>
            <translation>Test connection</translation>
        </message>
        <message>
            <source>接続</source>
            <translation>Connect</translation>
        </message>
        <message>
            <source>キャンセル</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>接続先は postgresql+psycopg:// で始まるURLで入力してください。</source>
            <translation>Enter the server address as a URL starting with postgresql+psycopg://.</translation>
        </message>
        <message>
            <source>接続できませんでした。接続先とパスワードを確かめてください。（{detail}）</source>
            <translation>Could not connect. Check the server address and the password. ({detail})</translation>
        </message>
        <message>
            <source>接続できました。</source>
            <translation>Connected.</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <source>設定</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>学区と協議会</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>新規登録</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>編集</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>上へ</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>下へ</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>学区を統合…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>学区再編の記録</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>文字サイズ</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ctrl＋「＋」で大きく、Ctrl＋「－」で小さくなります。</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>StaffActivityDialog</name>
        <message>
            <source>職員地域活動の変更</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>職員地域活動を記録</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>（選んでください）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>例: ごみゼロ・草ゼロ（春）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>（学区なし）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> 時間</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>職員</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>実施日</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>活動名</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>学区</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>時間数</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>備考</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>職員を選んでください。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>実施日を入力してください。</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>StaffDialog</name>
        <message>
            <source>担当職員を追加</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>（選んでください）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>地区担当職員</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>名簿で役割が「地区担当職員」の人から選びます。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>担当内容</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>担当する職員を選んでください。</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Status</name>
        <message>
            <source>期限切れ</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>下書き</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>確定</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>中止</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>満了間近</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>退任</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>就任前</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>削除済み</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>統合済み</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>StepDialog</name>
        <message>
            <source>変更後のステータス</source>
            <extracomment>perform(target, day, comment, amount) → the service's DTO (raises DomainError to keep the dialog open).</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>この段階からは、これ以上変更できません。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>変更日</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>コメント</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>変更する</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>コメント（必須: 理由を書いてください）</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TermStatus</name>
        <message>
            <source>3か月以内に任期満了</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>就任前</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>現任</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>退任</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TextSize</name>
        <message>
            <source>小</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>中</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>大</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>特大</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TimeField</name>
        <message>
            <source>例: 19:00</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TrainingDialog</name>
        <message>
            <source>研修の記録を変更</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>研修を記録</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>例: 協働の基本（新任地区担当職員研修）</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>例: 住民活動推進課</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> 時間</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>参加した職員</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>実施日</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>研修名</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>主催</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>時間数</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>参加した人に印を付けます。名簿で役割が「地区担当職員」の人が並びます。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>資料・備考</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>配った資料の名前や保管場所など。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>実施日を入力してください。</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TrainingTab</name>
        <message>
            <source>実施日</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>研修名</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>主催</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>時間</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>参加した職員</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{n}名: {names}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>資料・備考</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>変更…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>削除…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>研修を記録…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{name}さんの研修履歴（{where}）: {n}件・{h}時間</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>研修（{where}）: {n}件・延べ{people}名</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>研修の記録を削除</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{date}の研修「{title}」の記録（{n}名分）を削除しますか？
この操作は元に戻せません。</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>削除</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>UndoBar</name>
        <message>
            <source>元に戻す</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>閉じる</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>UserRole</name>
        <message>
            <source>協議会事務局</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>地区担当職員</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>管理者</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>閲覧のみ</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>WarekiDateEdit</name>
        <message>
            <source>例: 令和8年4月1日 / R8.4.1 / 2026-04-01</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>WelcomeDialog</name>
        <message>
            <source>はじめに — 栄町 まちづくり協議会</source>
            <translation>Getting started — Sakae Town Community Councils</translation>
        </message>
        <message>
            <source>栄町 まちづくり協議会へようこそ</source>
            <translation>Welcome to the Sakae Town Community Councils</translation>
        </message>
        <message>
            <source>このパソコンには、まだデータがありません。始め方を選んでください。</source>
            <translation>There is no data on this computer yet. Choose how to begin.</translation>
        </message>
        <message>
            <source>デモデータで始める(&amp;D)</source>
            <translation>Start with &amp;demo data</translation>
        </message>
        <message>
            <source>架空の町のデータで、操作を試せます。本番に使うときは、ファイル → 新規 で新しいデータを作ります。</source>
            <translation>Try the program out on a fictional town. For real work, create new data later with File → New.</translation>
        </message>
        <message>
            <source>空のデータで始める(&amp;E)</source>
            <translation>Start with &amp;empty data</translation>
        </message>
        <message>
            <source>学区・名簿などを一から登録します。分類などの基本データは入っています。</source>
            <translation>Enter districts, members and everything else from scratch. Basic reference data such as categories is included.</translation>
        </message>
        <message>
            <source>町役場のサーバーにつなぐ(&amp;S)</source>
            <translation>Connect to the town hall &amp;server</translation>
        </message>
        <message>
            <source>何人かで同じデータを使うときに選びます。接続先はサーバーの担当者にたずねてください。</source>
            <translation>Choose this when several people work on the same data. Ask the server administrator for the address.</translation>
        </message>
        <message>
            <source>バックアップから復元する(&amp;R)</source>
            <translation>&amp;Restore from a backup</translation>
        </message>
        <message>
            <source>前のパソコンなどで作ったバックアップのファイルから、データを戻します。</source>
            <translation>Bring back data from a backup file made on another computer, for example your previous one.</translation>
        </message>
        <message>
            <source>データの保存場所: {path}</source>
            <translation>Data is stored in: {path}</translation>
        </message>
        <message>
            <source>表示言語(&amp;L):</source>
            <translation>&amp;Language:</translation>
        </message>
        <message>
            <source>表示言語</source>
            <translation>Language</translation>
        </message>
        <message>
            <source>終了</source>
            <translation>Quit</translation>
        </message>
        <message>
            <source>始められませんでした</source>
            <translation>Could not get started</translation>
        </message>
        <message>
            <source>デモデータを作っています。しばらくお待ちください…</source>
            <translation>Creating the demo data. Please wait…</translation>
        </message>
        <message>
            <source>データファイルを作っています…</source>
            <translation>Creating the data file…</translation>
        </message>
        <message>
            <source>バックアップのファイルを選ぶ</source>
            <translation>Choose the backup file</translation>
        </message>
        <message>
            <source>バックアップ (*.db *.sqlite *.sqlite3 *.bak);;すべてのファイル (*)</source>
            <translation>Backups (*.db *.sqlite *.sqlite3 *.bak);;All files (*)</translation>
        </message>
        <message>
            <source>バックアップから復元する</source>
            <translation>Restore from a backup</translation>
        </message>
        <message>
            <source>復元</source>
            <translation>Restore</translation>
        </message>
        <message>
            <source>キャンセル</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>別のファイルを選んでください。</source>
            <translation>Please choose another file.</translation>
        </message>
        <message>
            <source>次のバックアップからデータを戻します。

{name}
作成: {when}
内容: {summary}</source>
            <translation>The data will be brought back from this backup.

{name}
Made: {when}
Contents: {summary}</translation>
        </message>
        <message>
            <source>バックアップから復元しています…</source>
            <translation>Restoring from the backup…</translation>
        </message>
    </context>
    <context>
        <name>YenEdit</name>
        <message>
            <source>例: 12000 または ¥12,000</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>_RecordsTab</name>
        <message>
            <source>すべての年度</source>
            <extracomment>How many fiscal years back the year filters offer.</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>年度で絞り込み</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>職員で絞り込み</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>すべての職員</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>全年度</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
