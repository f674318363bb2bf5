<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="ja_JP">
    <context>
        <name>Accounts</name>
        <message>
            <source>No.</source>
            <translation>No.</translation>
        </message>
        <message>
            <source>No.{n}で訂正済み</source>
            <translation>Corrected by No.{n}</translation>
        </message>
        <message>
            <source>{account}の残高</source>
            <translation>Balance of {account}</translation>
        </message>
        <message>
            <source>{month}月{day}日</source>
            <translation>{month}/{day}</translation>
        </message>
        <message>
            <source>予算現額</source>
            <translation>Current budget</translation>
        </message>
        <message>
            <source>予算超過</source>
            <translation>Over budget</translation>
        </message>
        <message>
            <source>収入</source>
            <translation>Income</translation>
        </message>
        <message>
            <source>執行率</source>
            <translation>Used</translation>
        </message>
        <message>
            <source>執行額</source>
            <translation>Spent / received</translation>
        </message>
        <message>
            <source>当初予算額</source>
            <translation>Original budget</translation>
        </message>
        <message>
            <source>摘要</source>
            <translation>Description</translation>
        </message>
        <message>
            <source>支出</source>
            <translation>Expense</translation>
        </message>
        <message>
            <source>日付</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>残額</source>
            <translation>Remaining</translation>
        </message>
        <message>
            <source>残高</source>
            <translation>Balance</translation>
        </message>
        <message>
            <source>状態</source>
            <translation>State</translation>
        </message>
        <message>
            <source>証憑番号 {n}</source>
            <translation>Voucher no. {n}</translation>
        </message>
        <message>
            <source>相手先</source>
            <translation>Payee / payer</translation>
        </message>
        <message>
            <source>確認済み</source>
            <translation>Checked</translation>
        </message>
        <message>
            <source>科目</source>
            <translation>Account item</translation>
        </message>
        <message>
            <source>訂正（No.{n}を取消）</source>
            <translation>Correction (cancels No.{n})</translation>
        </message>
    </context>
    <context>
        <name>AccountsPage</name>
        <message>
            <source>会計</source>
            <extracomment>What the last load found (the book, its balances and 実査), shown at the top.</extracomment>
            <translation>Accounts</translation>
        </message>
        <message>
            <source>年度</source>
            <translation>Fiscal year</translation>
        </message>
        <message>
            <source>現金の実査…</source>
            <translation>Count cash…</translation>
        </message>
        <message>
            <source>決算確定…</source>
            <translation>Close the year…</translation>
        </message>
        <message>
            <source>決算の修正…</source>
            <translation>Revise the closed year…</translation>
        </message>
        <message>
            <source>印刷…</source>
            <translation>Print…</translation>
        </message>
        <message>
            <source>この年度の帳簿を作る</source>
            <translation>Open this year's books</translation>
        </message>
        <message>
            <source>出納帳</source>
            <translation>Cash book</translation>
        </message>
        <message>
            <source>予算</source>
            <translation>Budget</translation>
        </message>
        <message>
            <source>集計（予算と執行）</source>
            <translation>Summary (budget vs. actual)</translation>
        </message>
        <message>
            <source>会計は協議会ごとです。上の学区の切り替えで学区を選んでください。</source>
            <translation>The books belong to a council. Choose a district in the switcher above.</translation>
        </message>
        <message>
            <source>{year}の帳簿はまだありません。作ると、前年度の繰越金と科目を引き継ぎます。</source>
            <translation>There are no books for {year} yet. Opening them carries over last year's balance and account items.</translation>
        </message>
        <message>
            <source>決算確定（{day}）</source>
            <translation>Closed ({day})</translation>
        </message>
        <message>
            <source>・第{n}号修正（{day}）</source>
            <translation> · revision No. {n} ({day})</translation>
        </message>
        <message>
            <source>この年度は決算が確定しています。見ることと印刷はできます。直すときは「決算の修正…」で理由とともに記録します。</source>
            <translation>This year's accounts are closed. You can view and print them. To correct them, record a revision with its reason (Revise the closed year…).</translation>
        </message>
        <message>
            <source>執行中</source>
            <translation>Open</translation>
        </message>
        <message>
            <source>{account}残高 {amount}</source>
            <translation>{account} balance {amount}</translation>
        </message>
        <message>
            <source>最後の実査 {day} {account} 差異 {diff}</source>
            <translation>Last count {day} {account} difference {diff}</translation>
        </message>
        <message>
            <source>この年度は決算が確定しているため、記帳も予算の変更もできません。</source>
            <translation>This year is closed: no entries or budget changes can be made.</translation>
        </message>
        <message>
            <source>帳簿を作れませんでした</source>
            <translation>Could not open the books</translation>
        </message>
        <message>
            <source>決算確定</source>
            <translation>Close the year</translation>
        </message>
        <message>
            <source>{council}の{year}の決算を確定しますか？
確定すると、この年度の記帳・予算は変えられなくなります（後の修正は理由つきの「決算の修正」になります）。
次年度繰越金 {amount} を、翌年度の前年度繰越金にします。</source>
            <translation>Close {year} for {council}?
After closing, entries and the budget of this year cannot change (a later change is a revision with a reason).
The carry-over {amount} becomes next year's opening balance.</translation>
        </message>
        <message>
            <source>決算を確定する</source>
            <translation>Close the year</translation>
        </message>
        <message>
            <source>決算を確定できませんでした</source>
            <translation>Could not close the year</translation>
        </message>
        <message>
            <source>予算と執行</source>
            <translation>Budget vs. actual</translation>
        </message>
        <message numerus="yes">
            <source>%n科目</source>
            <translation>
                <numerusform>%n item</numerusform>
                <numerusform>%n items</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>AccountsPrintDialog</name>
        <message>
            <source>会計の帳票を印刷</source>
            <extracomment>The papers in the order a treasurer meets them in a year.</extracomment>
            <translation>Print account papers</translation>
        </message>
        <message>
            <source>収支予算書</source>
            <translation>Budget statement</translation>
        </message>
        <message>
            <source>出納帳（現金・預金）</source>
            <translation>Cash book (cash and bank)</translation>
        </message>
        <message>
            <source>収支決算書</source>
            <translation>Statement of accounts</translation>
        </message>
        <message>
            <source>監査報告書（監事の署名欄つき）</source>
            <translation>Audit report (with auditors' signature boxes)</translation>
        </message>
        <message>
            <source>補助金の収支精算書</source>
            <translation>Grant settlement</translation>
        </message>
        <message>
            <source>印刷するもの</source>
            <translation>Paper</translation>
        </message>
        <message>
            <source>学区</source>
            <translation>District</translation>
        </message>
        <message>
            <source>年度</source>
            <translation>Fiscal year</translation>
        </message>
        <message>
            <source>補助金</source>
            <translation>Grant</translation>
        </message>
        <message>
            <source>学区を選んでください。会計の帳票は協議会ごとに印刷します。</source>
            <translation>Choose a district: account papers are printed per council.</translation>
        </message>
        <message>
            <source>この学区・年度の補助金がありません。協働事業のページで補助金を登録してから印刷してください。</source>
            <translation>This district has no grant in this year. Register the grant on the Projects page first.</translation>
        </message>
    </context>
    <context>
        <name>ActionItemDialog</name>
        <message>
            <source>宿題事項の編集</source>
            <translation>Edit action item</translation>
        </message>
        <message>
            <source>宿題事項の追加</source>
            <translation>Add action item</translation>
        </message>
        <message>
            <source>例: 事務局、地区担当職員</source>
            <translation>e.g. secretariat, district staff</translation>
        </message>
        <message>
            <source>内容</source>
            <translation>Content</translation>
        </message>
        <message>
            <source>担当</source>
            <translation>In charge</translation>
        </message>
        <message>
            <source>期限</source>
            <translation>Due</translation>
        </message>
        <message>
            <source>宿題事項の内容を入力してください。</source>
            <translation>Please describe the action item.</translation>
        </message>
    </context>
    <context>
        <name>ActionStatus</name>
        <message>
            <source>完了</source>
            <translation>Done</translation>
        </message>
        <message>
            <source>未完了</source>
            <translation>Open</translation>
        </message>
    </context>
    <context>
        <name>ActionsSection</name>
        <message>
            <source>この会議で決まった宿題事項（内容・担当・期限）</source>
            <translation>Action items decided at this meeting (what, who, by when)</translation>
        </message>
        <message>
            <source>宿題事項を追加</source>
            <translation>Add action item</translation>
        </message>
        <message>
            <source>前回までの会議から続いている宿題事項</source>
            <translation>Action items carried over from earlier meetings</translation>
        </message>
        <message>
            <source>完了するまで、同じ会議体の次の会議に表示されます。</source>
            <translation>Shown at the next meetings of the same body until it is done.</translation>
        </message>
        <message>
            <source>選んだ宿題事項を完了にする</source>
            <translation>Mark the chosen action item as done</translation>
        </message>
        <message>
            <source>完了にする宿題事項を一覧から選んでください。</source>
            <translation>Choose the action item to mark as done in the list.</translation>
        </message>
        <message>
            <source>宿題事項</source>
            <translation>Action item</translation>
        </message>
        <message>
            <source>この宿題事項は、ほかの人がすでに完了にしています。</source>
            <translation>Someone else has already marked this action item as done.</translation>
        </message>
        <message>
            <source>あなたが見ていた内容</source>
            <translation>What you were looking at</translation>
        </message>
        <message>
            <source>内容</source>
            <translation>Content</translation>
        </message>
        <message>
            <source>担当</source>
            <translation>In charge</translation>
        </message>
        <message>
            <source>期限</source>
            <translation>Due</translation>
        </message>
        <message>
            <source>状況</source>
            <translation>Situation</translation>
        </message>
    </context>
    <context>
        <name>ActivityDialog</name>
        <message>
            <source>活動記録</source>
            <translation>Activity records</translation>
        </message>
        <message>
            <source>（選んでください）</source>
            <translation>(please choose)</translation>
        </message>
        <message>
            <source>例: ごみゼロ・草ゼロ運動</source>
            <translation>e.g. Zero litter, zero weeds campaign</translation>
        </message>
        <message>
            <source>人</source>
            <translation> people</translation>
        </message>
        <message>
            <source>時間</source>
            <translation>Hours</translation>
        </message>
        <message>
            <source>実施日</source>
            <translation>Held on</translation>
        </message>
        <message>
            <source>活動名</source>
            <translation>Activity</translation>
        </message>
        <message>
            <source>参加者数</source>
            <translation>Participants</translation>
        </message>
        <message>
            <source>ボランティア時間（延べ）</source>
            <translation>Volunteer hours (total)</translation>
        </message>
        <message>
            <source>参加した地区担当職員</source>
            <translation>District staff who took part</translation>
        </message>
        <message>
            <source>活動の種類</source>
            <translation>Kind of activity</translation>
        </message>
        <message>
            <source>参加した職員に印を付けます。職員地域活動の記録になります。</source>
            <translation>Tick the staff who took part. This becomes part of their staff community activities.</translation>
        </message>
        <message>
            <source>内容・メモ</source>
            <translation>What was done / notes</translation>
        </message>
        <message>
            <source>（なし）</source>
            <translation>(none)</translation>
        </message>
        <message>
            <source>この事業の担当</source>
            <translation>assigned to this project</translation>
        </message>
        <message>
            <source>活動の種類を選んでください。</source>
            <translation>Please choose the kind of activity.</translation>
        </message>
    </context>
    <context>
        <name>ActivityKind</name>
        <message>
            <source>ごみゼロ・草ゼロ</source>
            <translation>Zero litter, zero weeds</translation>
        </message>
        <message>
            <source>その他</source>
            <translation>Other</translation>
        </message>
        <message>
            <source>交流イベント</source>
            <translation>Community event</translation>
        </message>
        <message>
            <source>会議・打合せ</source>
            <translation>Meeting</translation>
        </message>
        <message>
            <source>清掃・美化</source>
            <translation>Cleaning and beautification</translation>
        </message>
        <message>
            <source>見守り</source>
            <translation>Watching over</translation>
        </message>
        <message>
            <source>講座・学習</source>
            <translation>Course / learning</translation>
        </message>
    </context>
    <context>
        <name>ActivityTab</name>
        <message>
            <source>職員地域活動</source>
            <translation>Staff community activities</translation>
        </message>
        <message>
            <source>職員・活動・学区で検索（Ctrl+F）</source>
            <translation>Search staff, activity, district (Ctrl+F)</translation>
        </message>
        <message>
            <source>職員</source>
            <translation>Staff</translation>
        </message>
        <message>
            <source>参加回数</source>
            <translation>Times taken part</translation>
        </message>
        <message>
            <source>うち記録</source>
            <translation>of which records</translation>
        </message>
        <message>
            <source>うち協働事業</source>
            <translation>of which collaborative projects</translation>
        </message>
        <message>
            <source>時間（記録分）</source>
            <translation>Hours (recorded)</translation>
        </message>
        <message>
            <source>協働事業数</source>
            <translation>Projects</translation>
        </message>
        <message>
            <source>実施日</source>
            <translation>Held on</translation>
        </message>
        <message>
            <source>活動</source>
            <translation>Activities</translation>
        </message>
        <message>
            <source>学区</source>
            <translation>District</translation>
        </message>
        <message>
            <source>時間</source>
            <translation>Hours</translation>
        </message>
        <message>
            <source>出典</source>
            <translation>Source</translation>
        </message>
        <message>
            <source>協働事業の活動記録で「参加した職員」に入っている日も数えます（時間は職員の記録分だけを合計します）。</source>
            <translation>Days in project activity records where the staff member is listed as taking part are counted too (hours are added up only from the staff's own records).</translation>
        </message>
        <message>
            <source>変更…</source>
            <translation>Change…</translation>
        </message>
        <message>
            <source>削除…</source>
            <translation>Delete…</translation>
        </message>
        <message>
            <source>活動を記録…</source>
            <translation>Record activity…</translation>
        </message>
        <message>
            <source>職員の記録</source>
            <translation>Staff records</translation>
        </message>
        <message>
            <source>協働事業「{title}」</source>
            <translation>Project "{title}"</translation>
        </message>
        <message>
            <source>職員地域活動（{where}）: 延べ{n}回（記録{a}回・協働事業{b}回）・{h}時間・参加した職員{k}名</source>
            <translation>Staff community activities ({where}): total {n} (recorded {a}, project days {b}) · hours: {h} · staff taking part: {k}</translation>
        </message>
        <message>
            <source>この行は協働事業「{title}」の活動記録から数えています。変えるときは協働事業の画面で活動記録を直してください。</source>
            <translation>This row is counted from the activity records of the project "{title}". To change it, correct the activity records on the Projects screen.</translation>
        </message>
        <message>
            <source>職員地域活動の記録を削除</source>
            <translation>Delete staff activity record</translation>
        </message>
        <message>
            <source>{name}さんの{date}の活動「{title}」の記録を削除しますか？
この操作は元に戻せません。</source>
            <translation>Delete the record of {name}'s activity "{title}" on {date}?
This cannot be undone.</translation>
        </message>
        <message>
            <source>削除</source>
            <translation>Delete</translation>
        </message>
    </context>
    <context>
        <name>ActualSource</name>
        <message>
            <source>手入力</source>
            <translation>Manual</translation>
        </message>
        <message>
            <source>手入力で上書き</source>
            <translation>Overridden by hand</translation>
        </message>
        <message>
            <source>未入力</source>
            <translation>Not entered</translation>
        </message>
        <message>
            <source>未集計</source>
            <translation>Not counted</translation>
        </message>
        <message>
            <source>自動集計</source>
            <translation>Totalled automatically</translation>
        </message>
    </context>
    <context>
        <name>AgendaItemDialog</name>
        <message>
            <source>議題の編集</source>
            <translation>Edit agenda item</translation>
        </message>
        <message>
            <source>議題の追加</source>
            <translation>Add agenda item</translation>
        </message>
        <message>
            <source>例: 事務局、会長、地区担当職員</source>
            <translation>e.g. secretariat, chair, district staff</translation>
        </message>
        <message>
            <source>区分</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>議題</source>
            <translation>Agenda</translation>
        </message>
        <message>
            <source>説明者</source>
            <translation>Speaker</translation>
        </message>
        <message>
            <source>議事の経過</source>
            <translation>Proceedings</translation>
        </message>
        <message>
            <source>説明・質疑・意見の要点。空行で段落を分けられます。</source>
            <translation>Main points of explanations, questions and opinions. Separate paragraphs with an empty line.</translation>
        </message>
        <message>
            <source>結果</source>
            <translation>Result</translation>
        </message>
        <message>
            <source>賛成（人）</source>
            <translation>For</translation>
        </message>
        <message>
            <source>反対（人）</source>
            <translation>Against</translation>
        </message>
        <message>
            <source>棄権（人）</source>
            <translation>Abstained</translation>
        </message>
    </context>
    <context>
        <name>AgendaKind</name>
        <message>
            <source>その他</source>
            <translation>Other</translation>
        </message>
        <message>
            <source>協議事項</source>
            <translation>Matters for discussion</translation>
        </message>
        <message>
            <source>報告事項</source>
            <translation>Reports</translation>
        </message>
    </context>
    <context>
        <name>AgendaResult</name>
        <message>
            <source>—</source>
            <translation>—</translation>
        </message>
        <message>
            <source>全会一致</source>
            <translation>Unanimous</translation>
        </message>
        <message>
            <source>承認</source>
            <translation>Approved</translation>
        </message>
        <message>
            <source>継続審議</source>
            <translation>Carried over</translation>
        </message>
        <message>
            <source>賛成多数</source>
            <translation>Carried by majority</translation>
        </message>
        <message>
            <source>（なし・報告のみ）</source>
            <translation>(none, reports only)</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <source>エラー</source>
            <extracomment>Open the data even if no paint of the window was seen by then (a window started minimised). The quick check a file left by an unclean shutdown owes starts by then even if the first page never showed its data (a page that fails on a damaged file must not keep the check from running). ReportLab and the papers are imported in the background this long after the page shows its data (not in the middle of the start, where the import would hold the interpreter while the window paints). Garbage collection comes back on by then even if the first page never showed its data. The moments ``--quit-after`` can name: the main window painted, the first page showing its data (the first figures, when read before the full open), or the page showing its data with the file fully open.</extracomment>
            <translation>Error</translation>
        </message>
        <message>
            <source>思わぬエラーが起きました。作業中の内容を確かめてください。直らないときは、ログファイルを担当者に渡してください。</source>
            <translation>An unexpected error occurred. Please check the work you were doing. If it happens again, give the log file to the person in charge.</translation>
        </message>
        <message>
            <source>始められませんでした</source>
            <translation>Could not get started</translation>
        </message>
    </context>
    <context>
        <name>AppContext</name>
        <message>
            <source>読み取り専用で開いています</source>
            <translation>Opened read-only</translation>
        </message>
        <message>
            <source>閲覧のみの利用者のため、変更できません</source>
            <translation>View-only users cannot make changes</translation>
        </message>
    </context>
    <context>
        <name>ApproveDialog</name>
        <message>
            <source>議事録を確定</source>
            <translation>Approve minutes</translation>
        </message>
        <message>
            <source>確定する</source>
            <translation>Approve</translation>
        </message>
        <message>
            <source>「{title}」の議事録を確定します。確定すると内容は変更できなくなり、変更するときは理由を添えた「修正」になります（元の版は残ります）。</source>
            <translation>Approve the minutes of "{title}". Approved minutes cannot be edited; a change then becomes a "revision" with a reason (the original version is kept).</translation>
        </message>
        <message>
            <source>確定日</source>
            <translation>Approved on</translation>
        </message>
        <message>
            <source>確定日を入力してください。</source>
            <translation>Please enter the approval date.</translation>
        </message>
    </context>
    <context>
        <name>AttendanceEditor</name>
        <message>
            <source>委員</source>
            <translation>Member</translation>
        </message>
        <message>
            <source>町職員（委員とは別に記載します）</source>
            <translation>Town staff (listed apart from the members)</translation>
        </message>
        <message>
            <source>来賓・説明者</source>
            <translation>Guests and speakers</translation>
        </message>
        <message>
            <source>氏名</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>所属（例: 社会福祉協議会）</source>
            <translation>Affiliation (e.g. Social Welfare Council)</translation>
        </message>
        <message>
            <source>未確認の方をすべて出席にする</source>
            <translation>Mark everyone unconfirmed as present</translation>
        </message>
        <message>
            <source>出席簿を見ながら、欠席・代理の方だけを選び直せます。</source>
            <translation>Then, from the sign-in sheet, change only those absent or represented by a proxy.</translation>
        </message>
        <message>
            <source>来賓・説明者を追加</source>
            <translation>Add guest or speaker</translation>
        </message>
        <message>
            <source> 名</source>
            <translation> people</translation>
        </message>
        <message>
            <source>傍聴者の人数</source>
            <translation>Number of observers</translation>
        </message>
        <message>
            <source>来賓・説明者の氏名と所属の両方を入力してから「追加」を押してください。</source>
            <translation>Enter both the name and the affiliation of the guest or speaker, then press "Add".</translation>
        </message>
        <message>
            <source>成立（過半数の出席）</source>
            <translation>Quorate (majority present)</translation>
        </message>
        <message>
            <source>不成立（過半数に達していません）</source>
            <translation>Not carried (no majority)</translation>
        </message>
        <message>
            <source>未確定（出欠が未確認の方が{n}名います）</source>
            <translation>not yet known ({n} attendance(s) unconfirmed)</translation>
        </message>
        <message>
            <source>委員 {total}名中 {n}名出席 — {verdict}</source>
            <translation>{n} of {total} members present — {verdict}</translation>
        </message>
    </context>
    <context>
        <name>AttendanceRow</name>
        <message>
            <source>代理の方の氏名</source>
            <translation>Name of the proxy</translation>
        </message>
        <message>
            <source>{name}さんの代理出席者名</source>
            <translation>Name of the proxy attending for {name}</translation>
        </message>
        <message>
            <source>削除</source>
            <translation>Delete</translation>
        </message>
    </context>
    <context>
        <name>AttendanceStatus</name>
        <message>
            <source>代理</source>
            <translation>Proxy</translation>
        </message>
        <message>
            <source>出席</source>
            <translation>Present</translation>
        </message>
        <message>
            <source>未確認</source>
            <translation>Unconfirmed</translation>
        </message>
        <message>
            <source>欠席</source>
            <translation>Absent</translation>
        </message>
    </context>
    <context>
        <name>AttendeeCategory</name>
        <message>
            <source>委員</source>
            <translation>Member</translation>
        </message>
        <message>
            <source>来賓・説明者</source>
            <translation>Guests and speakers</translation>
        </message>
        <message>
            <source>職員</source>
            <translation>Staff</translation>
        </message>
    </context>
    <context>
        <name>AuditLog</name>
        <message>
            <source>登録</source>
            <extracomment>The service's action and record names, for the translation (context "AuditLog").</extracomment>
            <translation>Register</translation>
        </message>
        <message>
            <source>変更</source>
            <translation>Change</translation>
        </message>
        <message>
            <source>削除</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>元に戻す</source>
            <translation>Undo</translation>
        </message>
        <message>
            <source>完全に削除</source>
            <translation>Erase completely</translation>
        </message>
        <message>
            <source>統合</source>
            <translation>Merge</translation>
        </message>
        <message>
            <source>状態の変更</source>
            <translation>Status change</translation>
        </message>
        <message>
            <source>確定</source>
            <translation>Approved</translation>
        </message>
        <message>
            <source>取り込み</source>
            <translation>Import</translation>
        </message>
        <message>
            <source>名簿</source>
            <translation>Members</translation>
        </message>
        <message>
            <source>委嘱</source>
            <translation>Appointment</translation>
        </message>
        <message>
            <source>学区</source>
            <translation>District</translation>
        </message>
        <message>
            <source>団体</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <source>地域課題</source>
            <translation>Regional issues</translation>
        </message>
        <message>
            <source>課題の分類</source>
            <translation>Issue category</translation>
        </message>
        <message>
            <source>協働事業</source>
            <translation>Projects</translation>
        </message>
        <message>
            <source>補助金申請</source>
            <translation>Grant application</translation>
        </message>
        <message>
            <source>補助金書類</source>
            <translation>Grant document</translation>
        </message>
        <message>
            <source>備品</source>
            <translation>Equipment</translation>
        </message>
        <message>
            <source>備品の貸出</source>
            <translation>Equipment loan</translation>
        </message>
        <message>
            <source>会議</source>
            <translation>Meetings</translation>
        </message>
        <message>
            <source>会議体</source>
            <translation>Body</translation>
        </message>
        <message>
            <source>成果指標</source>
            <translation>Outcome indicators</translation>
        </message>
        <message>
            <source>講座</source>
            <translation>Courses</translation>
        </message>
        <message>
            <source>起業</source>
            <translation>Business start-up</translation>
        </message>
        <message>
            <source>マニュアル</source>
            <translation>Manual</translation>
        </message>
        <message>
            <source>{name}（ID {id}）</source>
            <translation>{name} (ID {id})</translation>
        </message>
        <message>
            <source>、</source>
            <translation>; </translation>
        </message>
        <message>
            <source>内容: {summary}</source>
            <translation>Summary: {summary}</translation>
        </message>
        <message>
            <source>利用者: {user}</source>
            <translation>User: {user}</translation>
        </message>
        <message>
            <source>変更した項目（変更前 → 変更後）:</source>
            <translation>Changed fields (before → after):</translation>
        </message>
        <message>
            <source>操作: {action}（{entity}）</source>
            <translation>Action: {action} ({entity})</translation>
        </message>
        <message>
            <source>日時: {when}</source>
            <translation>When: {when}</translation>
        </message>
        <message>
            <source>（不明）</source>
            <translation>(unknown)</translation>
        </message>
    </context>
    <context>
        <name>AuditLogDialog</name>
        <message>
            <source>操作の記録</source>
            <translation>Activity log</translation>
        </message>
        <message>
            <source>操作の記録（だれが・いつ・何を変えたか）</source>
            <translation>Activity log (who changed what, and when)</translation>
        </message>
        <message>
            <source>すべての対象</source>
            <translation>All records</translation>
        </message>
        <message>
            <source>対象で絞り込み</source>
            <translation>Filter by record</translation>
        </message>
        <message>
            <source>すべての操作</source>
            <translation>All actions</translation>
        </message>
        <message>
            <source>操作で絞り込み</source>
            <translation>Filter by action</translation>
        </message>
        <message>
            <source>すべての利用者</source>
            <translation>All users</translation>
        </message>
        <message>
            <source>利用者で絞り込み</source>
            <translation>Filter by user</translation>
        </message>
        <message>
            <source>期間の始め</source>
            <translation>Start of period</translation>
        </message>
        <message>
            <source>期間の終わり</source>
            <translation>End of period</translation>
        </message>
        <message>
            <source>内容・利用者で検索</source>
            <translation>Search summary and user</translation>
        </message>
        <message>
            <source>UTF-8（Excel向け）</source>
            <translation>UTF-8 (for Excel)</translation>
        </message>
        <message>
            <source>Shift_JIS（CP932）</source>
            <translation>Shift_JIS (CP932)</translation>
        </message>
        <message>
            <source>書き出す文字コード</source>
            <translation>Encoding of the export</translation>
        </message>
        <message>
            <source>CSVに書き出す…</source>
            <translation>Export as CSV…</translation>
        </message>
        <message>
            <source>閉じる</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>期間(&amp;P):</source>
            <translation>&amp;Period:</translation>
        </message>
        <message>
            <source>〜</source>
            <translation>–</translation>
        </message>
        <message numerus="yes">
            <source>%n件（新しい順）</source>
            <translation>
                <numerusform>%n entry (newest first)</numerusform>
                <numerusform>%n entries (newest first)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n件を書き出しました: {path}
個人情報が含まれます。用が済んだら削除してください。</source>
            <translation>
                <numerusform>%n entry exported: {path}
The file holds personal data. Delete it when you no longer need it.</numerusform>
                <numerusform>%n entries exported: {path}
The file holds personal data. Delete it when you no longer need it.</numerusform>
            </translation>
        </message>
        <message>
            <source>操作の記録_{date}.csv</source>
            <translation>activity-log_{date}.csv</translation>
        </message>
        <message>
            <source>操作の記録を書き出す</source>
            <translation>Export the activity log</translation>
        </message>
        <message>
            <source>CSV（Excelで開けます） (*.csv)</source>
            <translation>CSV (opens in Excel) (*.csv)</translation>
        </message>
        <message>
            <source>書き出しています…</source>
            <translation>Exporting…</translation>
        </message>
        <message>
            <source>ファイルを保存できませんでした。保存先のフォルダと、そのファイルをExcelで開いていないかを確かめてください。</source>
            <translation>Could not save the file. Check the folder, and that the file is not open in Excel.</translation>
        </message>
    </context>
    <context>
        <name>AuditWordingDialog</name>
        <message>
            <source>監査報告の文言</source>
            <translation>Audit report wording</translation>
        </message>
        <message>
            <source>標準の文言に戻す</source>
            <translation>Back to the standard wording</translation>
        </message>
        <message>
            <source>{council}の監査報告書に印刷する文です。</source>
            <translation>The sentence printed on the audit report of {council}.</translation>
        </message>
        <message>
            <source>文言</source>
            <translation>Wording</translation>
        </message>
        <message>
            <source>空のときは標準の文言（薄く表示）を印刷します。{year} は年度（令和8年度）、{period} は期間（自 令和8年4月1日 至 令和9年3月31日）に置き換わります。</source>
            <translation>When empty, the standard wording (shown greyed) is printed. {year} becomes the fiscal year, {period} the period (from 1 April to 31 March).</translation>
        </message>
    </context>
    <context>
        <name>AvailabilityDialog</name>
        <message>
            <source>資機材の空き状況</source>
            <translation>Equipment availability</translation>
        </message>
        <message>
            <source>資機材</source>
            <translation>Equipment</translation>
        </message>
        <message>
            <source>表示</source>
            <translation>Show</translation>
        </message>
        <message>
            <source>閉じる</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>空き状況</source>
            <translation>Availability</translation>
        </message>
        <message>
            <source>期間の始まりと終わりを入力してください。</source>
            <translation>Please enter the start and end of the period.</translation>
        </message>
        <message>
            <source>「{name}」は貸出不可になっています。</source>
            <translation>"{name}" is marked as not available for loan.</translation>
        </message>
        <message>
            <source>「{name}」全{stock}個: この期間ずっと空いているのは{n}個です。</source>
            <translation>"{name}", {stock} in all: {n} are free for the whole period.</translation>
        </message>
    </context>
    <context>
        <name>BackupScheduler</name>
        <message>
            <source>バックアップ</source>
            <translation>Backup</translation>
        </message>
        <message>
            <source>終了する前に、データのバックアップを作っています…</source>
            <translation>Backing up the data before closing…</translation>
        </message>
        <message>
            <source>終了時のバックアップを作れませんでした</source>
            <translation>Could not make the closing backup</translation>
        </message>
    </context>
    <context>
        <name>BackupSummary</name>
        <message>
            <source>学区</source>
            <extracomment>The summary labels the backup service writes, for the translation (the counts stay numbers).</extracomment>
            <translation>District</translation>
        </message>
        <message>
            <source>名簿</source>
            <translation>Members</translation>
        </message>
        <message>
            <source>地域課題</source>
            <translation>Regional issues</translation>
        </message>
        <message>
            <source>協働事業</source>
            <translation>Projects</translation>
        </message>
        <message>
            <source>会議</source>
            <translation>Meetings</translation>
        </message>
        <message>
            <source>・</source>
            <translation> · </translation>
        </message>
        <message>
            <source>{label} {count}</source>
            <translation>{label} {count}</translation>
        </message>
    </context>
    <context>
        <name>BankImportDialog</name>
        <message>
            <source>通帳CSVの取込（{year}・預金）</source>
            <extracomment>The problems listed under the table; more are counted, not listed. The columns of the proposals' table.</extracomment>
            <translation>Import a bank statement CSV ({year}, bank)</translation>
        </message>
        <message>
            <source>銀行のサイトからダウンロードした明細のCSVファイル</source>
            <translation>The statement CSV file downloaded from the bank's site</translation>
        </message>
        <message>
            <source>ファイル</source>
            <translation>File</translation>
        </message>
        <message>
            <source>ファイルを選ぶ…</source>
            <translation>Choose file…</translation>
        </message>
        <message>
            <source>読み込む</source>
            <translation>Read</translation>
        </message>
        <message>
            <source>日付</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>摘要</source>
            <translation>Description</translation>
        </message>
        <message>
            <source>お預り（入金）</source>
            <translation>Deposits (in)</translation>
        </message>
        <message>
            <source>お支払（出金）</source>
            <translation>Withdrawals (out)</translation>
        </message>
        <message>
            <source>残高</source>
            <translation>Balance</translation>
        </message>
        <message>
            <source>この割り当てで読み直す</source>
            <translation>Read again with these columns</translation>
        </message>
        <message>
            <source>取込</source>
            <translation>Import</translation>
        </message>
        <message>
            <source>入金</source>
            <translation>In</translation>
        </message>
        <message>
            <source>出金</source>
            <translation>Out</translation>
        </message>
        <message>
            <source>科目</source>
            <translation>Account item</translation>
        </message>
        <message>
            <source>すべて選ぶ</source>
            <translation>Select all</translation>
        </message>
        <message>
            <source>すべて外す</source>
            <translation>Select none</translation>
        </message>
        <message>
            <source>選んだ明細を取り込む</source>
            <translation>Import the selected lines</translation>
        </message>
        <message>
            <source>列の割り当て（一度選ぶと、次からも使います）</source>
            <translation>Columns (chosen once, used next time too)</translation>
        </message>
        <message>
            <source>通帳の明細（CSV）を選ぶ</source>
            <translation>Choose the bank statement (CSV)</translation>
        </message>
        <message>
            <source>CSVファイル (*.csv *.txt);;すべてのファイル (*)</source>
            <translation>CSV files (*.csv *.txt);;All files (*)</translation>
        </message>
        <message>
            <source>日付・摘要・お預り・お支払の列を、それぞれ選んでください。</source>
            <translation>Choose the columns of the date, the description, the deposits and the withdrawals.</translation>
        </message>
        <message>
            <source>読み込むファイルを選んでください（「ファイルを選ぶ…」）。</source>
            <translation>Choose the file to read (Choose file…).</translation>
        </message>
        <message>
            <source>明細の見出し（日付・摘要・お預り金額・お支払金額）が見つかりません。下の「列の割り当て」でそれぞれの列を選び、「この割り当てで読み直す」を押してください。</source>
            <translation>The statement's headings (date, description, deposits, withdrawals) were not found. Choose each column under Columns below, then press Read again with these columns.</translation>
        </message>
        <message>
            <source>前回の列の割り当てを使っています。</source>
            <translation>Using the columns chosen last time.</translation>
        </message>
        <message>
            <source>見出しから列を割り当てました。違うときは選び直して「読み直す」を押してください。</source>
            <translation>Columns were chosen from the headings. If they are wrong, choose again and press Read again.</translation>
        </message>
        <message>
            <source>{n}列目「{heading}」</source>
            <translation>Column {n} “{heading}”</translation>
        </message>
        <message>
            <source>（選ぶ）</source>
            <translation>(choose)</translation>
        </message>
        <message>
            <source>（なし）</source>
            <translation>(none)</translation>
        </message>
        <message>
            <source>取込済み</source>
            <translation>Imported</translation>
        </message>
        <message>
            <source>（科目を選ぶ）</source>
            <translation>(choose a subject)</translation>
        </message>
        <message>
            <source>{n}行目の科目</source>
            <translation>Subject of line {n}</translation>
        </message>
        <message>
            <source>{n}件の明細（うち取込済み {done}件）。取り込む明細に印を付け、科目を選んでください。</source>
            <translation>{n} lines ({done} already imported). Tick the lines to import and choose their subjects.</translation>
        </message>
        <message>
            <source>この年度に取り込める明細はありません。</source>
            <translation>No lines of this year can be imported.</translation>
        </message>
        <message numerus="yes">
            <source>ほか %n行</source>
            <translation>
                <numerusform>%n more line</numerusform>
                <numerusform>%n more lines</numerusform>
            </translation>
        </message>
        <message>
            <source>読めなかった行は取り込みません（通帳を見て手で記帳してください）:</source>
            <translation>Lines that could not be read are not imported (enter them by hand from the passbook):</translation>
        </message>
        <message>
            <source>{line}行目（{text}）の科目を選んでください。</source>
            <translation>Choose the account subject for line {line} ({text}).</translation>
        </message>
        <message>
            <source>先にファイルを読み込んでください。</source>
            <translation>Read a file first.</translation>
        </message>
        <message>
            <source>取り込む明細に印を付けてください（Space キーでも付けられます）。</source>
            <translation>Tick the lines to import (the Space key ticks too).</translation>
        </message>
    </context>
    <context>
        <name>BodyKind</name>
        <message>
            <source>地域まちづくり協議会</source>
            <translation>Community council</translation>
        </message>
        <message>
            <source>地域まちづくり連絡会</source>
            <translation>Community councils' liaison meeting</translation>
        </message>
        <message>
            <source>部会</source>
            <translation>Working group</translation>
        </message>
    </context>
    <context>
        <name>BookStatus</name>
        <message>
            <source>執行中</source>
            <translation>Open</translation>
        </message>
        <message>
            <source>決算確定</source>
            <translation>Closed</translation>
        </message>
    </context>
    <context>
        <name>BrokenPage</name>
        <message>
            <source>この画面を開けませんでした。プログラムを最新版にしても直らないときは、ログファイルを担当者に渡してください。</source>
            <translation>This screen could not be opened. If updating the program does not help, give the log file to the person in charge.</translation>
        </message>
    </context>
    <context>
        <name>BudgetDialog</name>
        <message>
            <source>当初予算の入力</source>
            <translation>Original budget</translation>
        </message>
        <message>
            <source>第{n}号補正予算</source>
            <translation>Revised budget No.{n}</translation>
        </message>
        <message>
            <source>議決した日（総会・役員会）</source>
            <translation>Date decided (general or board meeting)</translation>
        </message>
        <message>
            <source>補正の理由</source>
            <translation>Reason for the revision</translation>
        </message>
        <message>
            <source>備考</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>議決した日を入力してください。</source>
            <translation>Enter the date the budget was decided.</translation>
        </message>
        <message>
            <source>金額を変えた科目がありません。補正する科目の金額を直してください。</source>
            <translation>No amount was changed. Change the amounts of the items to revise.</translation>
        </message>
        <message>
            <source>補正の理由を書いてください（例: 夏祭りの規模拡大）。</source>
            <translation>Write the reason for the revision (e.g. a larger summer festival).</translation>
        </message>
    </context>
    <context>
        <name>BudgetList</name>
        <message>
            <source>科目で検索（Ctrl+F）</source>
            <translation>Search account items (Ctrl+F)</translation>
        </message>
        <message>
            <source>科目の追加…</source>
            <translation>Add account item…</translation>
        </message>
        <message>
            <source>科目の修正…</source>
            <translation>Edit subject…</translation>
        </message>
        <message>
            <source>予算の入力・補正…</source>
            <translation>Enter or revise the budget…</translation>
        </message>
        <message>
            <source>科目</source>
            <translation>Account item</translation>
        </message>
        <message>
            <source>当初予算額</source>
            <translation>Original budget</translation>
        </message>
        <message>
            <source>補正額</source>
            <translation>Revision</translation>
        </message>
        <message>
            <source>予算現額</source>
            <translation>Current budget</translation>
        </message>
        <message>
            <source>備考</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>補正で変更</source>
            <translation>Changed by a revision</translation>
        </message>
        <message>
            <source>{title}（{day}議決）</source>
            <translation>{title} (resolved {day})</translation>
        </message>
    </context>
    <context>
        <name>BylawsDialog</name>
        <message>
            <source>{district}の会則</source>
            <translation>Bylaws of {district}</translation>
        </message>
        <message>
            <source>例: 第6条（役員）を改正</source>
            <translation>e.g. Article 6 (officers) amended</translation>
        </message>
        <message>
            <source>会則の名称</source>
            <translation>Name of the bylaws</translation>
        </message>
        <message>
            <source>本文</source>
            <translation>Text</translation>
        </message>
        <message>
            <source>「第1条（名称）」のように条ごとに行を分けると、議案書で見出しになります。</source>
            <translation>Start each article on its own line (「第1条（名称）」): it becomes a heading in the meeting pack.</translation>
        </message>
        <message>
            <source>制定・改正の内容</source>
            <translation>What was enacted or amended</translation>
        </message>
        <message>
            <source>施行日</source>
            <translation>In force from</translation>
        </message>
        <message>
            <source>まだ会則が登録されていません。保存すると第1版になります。</source>
            <translation>No bylaws entered yet. Saving makes edition 1.</translation>
        </message>
        <message>
            <source>{label}　{summary}（施行 {day}）</source>
            <translation>{label}  {summary} (in force from {day})</translation>
        </message>
        <message>
            <source>未記入</source>
            <translation>not entered</translation>
        </message>
        <message>
            <source>これまでの版:</source>
            <translation>Editions so far:</translation>
        </message>
        <message>
            <source>会則</source>
            <translation>bylaws</translation>
        </message>
    </context>
    <context>
        <name>CashAccount</name>
        <message>
            <source>現金</source>
            <translation>Cash</translation>
        </message>
        <message>
            <source>預金</source>
            <translation>Bank</translation>
        </message>
    </context>
    <context>
        <name>CashCountDialog</name>
        <message>
            <source>現金・預金の実査</source>
            <translation>Cash and bank count</translation>
        </message>
        <message>
            <source>実査の日</source>
            <translation>Date counted</translation>
        </message>
        <message>
            <source>現金・預金</source>
            <translation>Cash / bank</translation>
        </message>
        <message>
            <source>帳簿の残高</source>
            <translation>Book balance</translation>
        </message>
        <message>
            <source>数えた額（円）</source>
            <translation>Amount counted (yen)</translation>
        </message>
        <message>
            <source>金庫の現金、または通帳の残高を入力します。</source>
            <translation>The cash in the box, or the balance in the bank book.</translation>
        </message>
        <message>
            <source>差異の説明</source>
            <translation>Explanation of the difference</translation>
        </message>
        <message>
            <source>差異があるときは、わけを書いてください（例: 切手代の領収書待ち）。</source>
            <translation>If there is a difference, say why (e.g. a stamp receipt still to come).</translation>
        </message>
        <message>
            <source>（日付を入力すると表示します）</source>
            <translation>(shown once a date is entered)</translation>
        </message>
        <message>
            <source>差異 ¥0 — 帳簿と一致しています。</source>
            <translation>Difference ¥0 — matches the books.</translation>
        </message>
        <message>
            <source>差異 {diff}（数えた額 − 帳簿の残高）。わけを「差異の説明」に書いてください。</source>
            <translation>Difference {diff} (counted − book balance). Explain it below.</translation>
        </message>
        <message>
            <source>実査の日を入力してください。</source>
            <translation>Enter the date of the count.</translation>
        </message>
        <message>
            <source>数えた額を入力してください。</source>
            <translation>Enter the amount counted.</translation>
        </message>
    </context>
    <context>
        <name>CashbookList</name>
        <message>
            <source>摘要・相手先・科目で検索（Ctrl+F）</source>
            <translation>Search description, payee, item (Ctrl+F)</translation>
        </message>
        <message>
            <source>現金・預金</source>
            <translation>Cash and bank</translation>
        </message>
        <message>
            <source>現金・預金で絞り込み</source>
            <translation>Filter by cash or bank</translation>
        </message>
        <message>
            <source>新しい記帳…</source>
            <translation>New entry…</translation>
        </message>
        <message>
            <source>訂正…</source>
            <translation>Correct…</translation>
        </message>
        <message>
            <source>振替…</source>
            <translation>Transfer…</translation>
        </message>
        <message>
            <source>月次確認…</source>
            <translation>Check month…</translation>
        </message>
        <message>
            <source>通帳CSVの取込…</source>
            <translation>Import bank CSV…</translation>
        </message>
        <message numerus="yes">
            <source>%n件</source>
            <translation>
                <numerusform>%n entry</numerusform>
                <numerusform>%n entries</numerusform>
            </translation>
        </message>
        <message>
            <source>No.{n} は確認済みの月の記帳です。直すときは「訂正…」で取り消しの記帳を加えます。</source>
            <translation>No.{n} is in a checked month. To fix it, add a cancelling entry with Correct….</translation>
        </message>
        <message>
            <source>No.{n}「{text}」（{amount}）</source>
            <translation>No.{n} "{text}" ({amount})</translation>
        </message>
        <message>
            <source>記帳の訂正</source>
            <translation>Correct entry</translation>
        </message>
        <message>
            <source>{name} は月次確認が済んでいるため削除できません。取り消す「訂正」の記帳を加えますか？</source>
            <translation>{name} is in a checked month and cannot be deleted. Add a correcting entry that cancels it?</translation>
        </message>
        <message>
            <source>訂正する…</source>
            <translation>Correct…</translation>
        </message>
        <message>
            <source>記帳の削除</source>
            <translation>Delete entry</translation>
        </message>
        <message>
            <source>{name} を削除しますか？証憑番号 No.{n} は欠番になり、使い直しません。</source>
            <translation>Delete {name}? Voucher No.{n} will stay unused.</translation>
        </message>
        <message>
            <source>削除</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>削除できません</source>
            <translation>Cannot delete</translation>
        </message>
    </context>
    <context>
        <name>ChangeoverAction</name>
        <message>
            <source>交代</source>
            <translation>Handed over</translation>
        </message>
        <message>
            <source>任期継続</source>
            <translation>Term continues</translation>
        </message>
        <message>
            <source>再任</source>
            <translation>Renewed</translation>
        </message>
        <message>
            <source>退任</source>
            <translation>Left office</translation>
        </message>
    </context>
    <context>
        <name>ChangeoverDialog</name>
        <message>
            <source>役員改選 — {district}（{fy}末）</source>
            <translation>Officer changeover — {district} (end of {fy})</translation>
        </message>
        <message>
            <source> 年</source>
            <translation> years</translation>
        </message>
        <message>
            <source>改選の日（新しい任期の始まり）</source>
            <translation>Changeover date (start of the new terms)</translation>
        </message>
        <message>
            <source>新しい任期</source>
            <translation>New term</translation>
        </message>
        <message>
            <source>委員の席（任期満了 {ending}名・全{total}名）</source>
            <translation>Council seats ({ending} terms ending, {total} in all)</translation>
        </message>
        <message>
            <source>任期満了の人ごとに「再任・退任・交代」を選び、改選後の役職を決めてください。交代は後任を名簿から選ぶか、新しい人の氏名を入力します。一人が持てる役職は一つ、会長は一人です。</source>
            <translation>For each ending term choose renewed, ended or handed over, and the post after the changeover. For a handover pick the successor from the roster or type a new name. One person holds one post; there is one chair.</translation>
        </message>
        <message>
            <source>改選を適用</source>
            <translation>Apply changeover</translation>
        </message>
        <message>
            <source>{name}さんの改選後</source>
            <translation>{name} after the changeover</translation>
        </message>
        <message>
            <source>選んでください</source>
            <translation>Choose</translation>
        </message>
        <message>
            <source>{name}さんの改選後の役職</source>
            <translation>Post of {name} after the changeover</translation>
        </message>
        <message>
            <source>{name}さんの後任</source>
            <translation>Successor of {name}</translation>
        </message>
        <message>
            <source>名簿から選ぶか氏名を入力</source>
            <translation>Pick from the roster or type a name</translation>
        </message>
        <message>
            <source>改選の日を入力してください（ふつうは4月1日）。</source>
            <translation>Enter the changeover date (usually 1 April).</translation>
        </message>
        <message>
            <source>「{name}」さんの改選後（再任・退任・交代）を選んでください。</source>
            <translation>Choose what happens to {name}'s seat (renewed, ended or handed over).</translation>
        </message>
    </context>
    <context>
        <name>ChoiceDialog</name>
        <message>
            <source>キャンセル</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>CloseRevisionDialog</name>
        <message>
            <source>決算の修正（第{n}号）</source>
            <translation>Revision of the closed year (No. {n})</translation>
        </message>
        <message>
            <source>{year}は{day}に決算確定しています。修正は第{n}号として理由とともに記録し、元の記帳と数字は残ります。次年度繰越金も直ります。</source>
            <translation>{year} was closed on {day}. The correction is recorded as revision No. {n} with its reason; the original entries and figures are kept. The carry-over follows.</translation>
        </message>
        <message>
            <source>例: 3月分 通信費（領収書の記帳漏れ）</source>
            <translation>e.g. March postage (receipt missed)</translation>
        </message>
        <message>
            <source>（取り消さない）</source>
            <translation>(cancel nothing)</translation>
        </message>
        <message>
            <source>修正の日付</source>
            <translation>Date of the revision</translation>
        </message>
        <message>
            <source>修正の理由</source>
            <translation>Reason for the revision</translation>
        </message>
        <message>
            <source>例: 監査で3月の通信費の記帳漏れが見つかったため</source>
            <translation>e.g. the audit found March postage missing</translation>
        </message>
        <message>
            <source>加える記帳（記帳漏れがあったとき）</source>
            <translation>Entry to add (when one was missed)</translation>
        </message>
        <message>
            <source>日付</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>科目</source>
            <translation>Account item</translation>
        </message>
        <message>
            <source>摘要</source>
            <translation>Description</translation>
        </message>
        <message>
            <source>金額（円）</source>
            <translation>Amount (yen)</translation>
        </message>
        <message>
            <source>現金・預金</source>
            <translation>Cash / bank</translation>
        </message>
        <message>
            <source>取り消す記帳（訂正）</source>
            <translation>Entry to cancel (correction)</translation>
        </message>
        <message>
            <source>誤っていた記帳を選ぶと、取り消す訂正の記帳を加えます。</source>
            <translation>Choosing a wrong entry adds a correction that cancels it.</translation>
        </message>
        <message>
            <source>修正を記録する</source>
            <translation>Record the revision</translation>
        </message>
        <message>
            <source>加える記帳の金額を入力してください。</source>
            <translation>Enter the amount of the entry to add.</translation>
        </message>
        <message>
            <source>加える記帳の日付を入力してください。</source>
            <translation>Enter the date of the entry to add.</translation>
        </message>
        <message>
            <source>科目を選んでください。</source>
            <translation>Choose an account item.</translation>
        </message>
        <message>
            <source>修正の日付を入力してください。</source>
            <translation>Enter the date of the revision.</translation>
        </message>
    </context>
    <context>
        <name>ColumnChooser</name>
        <message>
            <source>表示する列を自動に戻す（画面の幅に合わせる）</source>
            <translation>Show columns automatically again (to fit the window)</translation>
        </message>
    </context>
    <context>
        <name>CommissionPrintWindow</name>
        <message>
            <source>委嘱状を印刷</source>
            <translation>Print letters of commission</translation>
        </message>
        <message>
            <source>退任した方への感謝状も印刷する</source>
            <translation>Also print thank-you letters for those who left</translation>
        </message>
        <message>
            <source>協議会会長</source>
            <translation>Council chair</translation>
        </message>
        <message>
            <source>栄町長</source>
            <translation>Mayor of Sakae</translation>
        </message>
        <message>
            <source>任期の始まる日（改選の日）</source>
            <translation>First day of the terms (changeover date)</translation>
        </message>
        <message>
            <source>発行者</source>
            <translation>Issued by</translation>
        </message>
        <message>
            <source>感謝状</source>
            <translation>Thank-you letters</translation>
        </message>
        <message>
            <source>任期の始まる日（役員改選を適用した日）を入力してください。</source>
            <translation>Enter the first day of the terms (the date the changeover was applied).</translation>
        </message>
    </context>
    <context>
        <name>ComputedRule</name>
        <message>
            <source>相談記録の件数（年度内）</source>
            <extracomment>Columns before the first fiscal year. The services' descriptions of the computed rules, listed so that lupdate collects them for translation.</extracomment>
            <translation>Number of consultation records (in the fiscal year)</translation>
        </message>
        <message>
            <source>起業記録の件数（年度内に起業）</source>
            <translation>Number of start-up records (started in the fiscal year)</translation>
        </message>
        <message>
            <source>協働事業を立ち上げた小学校区の数（年度末まで）</source>
            <translation>Number of school districts that have launched a collaborative project (by the end of the fiscal year)</translation>
        </message>
        <message>
            <source>年度内に実施中のコミュニティ事業の数</source>
            <translation>Number of community projects in progress during the fiscal year</translation>
        </message>
    </context>
    <context>
        <name>ConflictDialog</name>
        <message>
            <source>ほかの人が先に保存しました</source>
            <translation>Someone else saved first</translation>
        </message>
        <message>
            <source>この{0}は、あなたが編集している間に、ほかの人が削除しました。</source>
            <translation>Someone else deleted this {0} while you were editing it.</translation>
        </message>
        <message>
            <source>この{0}は、あなたが編集している間に、ほかの人が変更して保存しました。</source>
            <translation>Someone else changed and saved this {0} while you were editing it.</translation>
        </message>
        <message>
            <source>項目</source>
            <translation>Item</translation>
        </message>
        <message>
            <source>あなたの入力</source>
            <translation>Your input</translation>
        </message>
        <message>
            <source>いま保存されている内容</source>
            <translation>What is saved now</translation>
        </message>
        <message>
            <source>{user} が {when} に保存しました。</source>
            <translation>{user} saved it at {when}.</translation>
        </message>
        <message>
            <source>あなたが入力していた内容（保存されていません）:</source>
            <translation>What you had entered (not saved):</translation>
        </message>
        <message>
            <source>いいえ</source>
            <translation>No</translation>
        </message>
        <message>
            <source>はい</source>
            <translation>Yes</translation>
        </message>
        <message>
            <source>ほかの人が保存した内容を読み込みました。必要なら直してから、もう一度保存してください。</source>
            <translation>The version saved by the other person has been loaded. Make any changes you need, then save again.</translation>
        </message>
        <message>
            <source>ほかの人が保存した内容を読み込みました。選んだ内容はそのままです。確かめてから、もう一度実行してください。</source>
            <translation>The version saved by the other person has been loaded. Your choices are unchanged. Check them, then try again.</translation>
        </message>
        <message>
            <source>別の利用者</source>
            <translation>another user</translation>
        </message>
        <message>
            <source>（なし）</source>
            <translation>(none)</translation>
        </message>
        <message>
            <source>（削除されています）</source>
            <translation>(deleted)</translation>
        </message>
        <message>
            <source>{0} の項目が食い違っています。</source>
            <translation>{0} fields differ.</translation>
        </message>
        <message>
            <source>内容に違いはありません。</source>
            <translation>The contents are the same.</translation>
        </message>
        <message>
            <source>再読み込み: あなたの入力をやめて、保存されている内容を表示します。
上書き: あなたの入力で保存し直します（ほかの人の変更は置き換わります）。
キャンセル: 入力画面に戻ります（入力した内容はそのままです）。</source>
            <translation>Reload: drop your input and show what is saved.
Overwrite: save your input again (the other person's changes are replaced).
Cancel: go back to the form (your input stays as it is).</translation>
        </message>
        <message>
            <source>再読み込み</source>
            <translation>Reload</translation>
        </message>
        <message>
            <source>上書き</source>
            <translation>Override</translation>
        </message>
        <message>
            <source>キャンセル</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>ConflictNoteBox</name>
        <message>
            <source>注意</source>
            <translation>Caution</translation>
        </message>
    </context>
    <context>
        <name>ConnectionDialog</name>
        <message>
            <source>町のサーバーに接続</source>
            <translation>Connect to the town server</translation>
        </message>
        <message>
            <source>接続</source>
            <translation>Connect</translation>
        </message>
        <message>
            <source>例: sakae-db.town.local</source>
            <translation>e.g. sakae-db.town.local</translation>
        </message>
        <message>
            <source>パスワードをこのパソコンに安全に保存する</source>
            <translation>Store the password safely on this computer</translation>
        </message>
        <message>
            <source>使えるときは使う（ふつうはこれ）</source>
            <translation>Use when available (usual)</translation>
        </message>
        <message>
            <source>必ず使う</source>
            <translation>Always use</translation>
        </message>
        <message>
            <source>必ず使い、サーバーの証明書も確かめる</source>
            <translation>Always use, and verify the server's certificate</translation>
        </message>
        <message>
            <source>使わない</source>
            <translation>Do not use</translation>
        </message>
        <message>
            <source>サーバー名</source>
            <translation>Server name</translation>
        </message>
        <message>
            <source>担当者から聞いた名前かIPアドレス</source>
            <translation>The name or IP address given by the administrator</translation>
        </message>
        <message>
            <source>ポート番号</source>
            <translation>Port</translation>
        </message>
        <message>
            <source>ふつうは5432です。</source>
            <translation>Usually 5432.</translation>
        </message>
        <message>
            <source>データベース名</source>
            <translation>Database name</translation>
        </message>
        <message>
            <source>利用者名</source>
            <translation>User name</translation>
        </message>
        <message>
            <source>サーバーのログイン名</source>
            <translation>Server login name</translation>
        </message>
        <message>
            <source>Windowsの資格情報マネージャーなどに暗号化して保存します。</source>
            <translation>Stored encrypted in the Windows Credential Manager or its equivalent.</translation>
        </message>
        <message>
            <source>このパソコンには保存の仕組みがないため、接続のたびにパスワードを入力します。</source>
            <translation>This computer has no safe place for passwords, so you enter the password each time you connect.</translation>
        </message>
        <message>
            <source>パスワード</source>
            <translation>Password</translation>
        </message>
        <message>
            <source>暗号化通信（SSL）</source>
            <translation>Encrypted connection (SSL)</translation>
        </message>
        <message>
            <source>接続テスト</source>
            <translation>Test connection</translation>
        </message>
        <message>
            <source>接続しています…</source>
            <translation>Connecting…</translation>
        </message>
        <message>
            <source>接続テストができませんでした。設定を確かめてください。</source>
            <translation>The connection test could not be run. Please check the settings.</translation>
        </message>
        <message>
            <source>接続設定を保存できませんでした。もう一度試してください。</source>
            <translation>Could not save the connection settings. Please try again.</translation>
        </message>
    </context>
    <context>
        <name>ConsultationDialog</name>
        <message>
            <source>相談記録の編集</source>
            <translation>Edit consultation</translation>
        </message>
        <message>
            <source>相談記録を登録</source>
            <translation>Register consultation</translation>
        </message>
        <message>
            <source>（学区なし）</source>
            <translation>(no district)</translation>
        </message>
        <message>
            <source>相談日</source>
            <translation>Consulted on</translation>
        </message>
        <message>
            <source>相談者の氏名</source>
            <translation>Client's name</translation>
        </message>
        <message>
            <source>学区</source>
            <translation>District</translation>
        </message>
        <message>
            <source>相談内容</source>
            <translation>Consultation</translation>
        </message>
        <message>
            <source>例: 高齢者の買い物支援を始めたい。</source>
            <translation>e.g. Wants to start a shopping service for elderly people.</translation>
        </message>
        <message>
            <source>対応・つなぎ先</source>
            <translation>Response / referred to</translation>
        </message>
        <message>
            <source>例: 商工会の創業相談を紹介。</source>
            <translation>e.g. Referred to the chamber of commerce's start-up advice.</translation>
        </message>
        <message>
            <source>相談記録</source>
            <translation>Consultations</translation>
        </message>
    </context>
    <context>
        <name>ConsultationsPage</name>
        <message>
            <source>相談者・相談内容・つなぎ先で検索（Ctrl+F）</source>
            <translation>Search by client, consultation or referral (Ctrl+F)</translation>
        </message>
        <message>
            <source>{date}の「{person}」さんの相談記録</source>
            <translation>Consultation with {person} on {date}</translation>
        </message>
    </context>
    <context>
        <name>CorrectionDialog</name>
        <message>
            <source>訂正（No.{n}）</source>
            <translation>Correction (No.{n})</translation>
        </message>
        <message>
            <source>No.{n}　{day}　{subject}　{text}　{amount}
この記帳を取り消す訂正の記帳を加えます。元の記帳は残ります。</source>
            <translation>No.{n}  {day}  {subject}  {text}  {amount}
Adds an entry that cancels this one. The original entry stays.</translation>
        </message>
        <message>
            <source>訂正の日付</source>
            <translation>Date of the correction</translation>
        </message>
        <message>
            <source>訂正の理由</source>
            <translation>Reason for the correction</translation>
        </message>
        <message>
            <source>訂正の日付を入力してください。</source>
            <translation>Enter the date of the correction.</translation>
        </message>
        <message>
            <source>訂正の理由を書いてください（例: 金額の誤り）。</source>
            <translation>Write the reason (e.g. wrong amount).</translation>
        </message>
    </context>
    <context>
        <name>CouncilStatus</name>
        <message>
            <source>準備中</source>
            <translation>Preparing</translation>
        </message>
        <message>
            <source>設立済</source>
            <translation>Established</translation>
        </message>
    </context>
    <context>
        <name>CourseDialog</name>
        <message>
            <source>講座の編集</source>
            <extracomment>The attendee field offers at most this many roster names; the rest are typed.</extracomment>
            <translation>Edit course</translation>
        </message>
        <message>
            <source>講座を登録</source>
            <translation>Register course</translation>
        </message>
        <message>
            <source>講座名</source>
            <translation>Course</translation>
        </message>
        <message>
            <source>開催日</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>会場</source>
            <translation>Venue</translation>
        </message>
        <message>
            <source>備考</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>受講者</source>
            <translation>Participants</translation>
        </message>
        <message>
            <source>受講者から外す</source>
            <translation>Remove participant</translation>
        </message>
        <message>
            <source>受講者の氏名（名簿にない方も入力できます）</source>
            <translation>Participant's name (people not on the roster can be entered too)</translation>
        </message>
        <message>
            <source>受講者の氏名</source>
            <translation>Participant's name</translation>
        </message>
        <message>
            <source>受講者に追加</source>
            <translation>Add participant</translation>
        </message>
        <message>
            <source>講座を「保存」すると、受講者を追加できます。</source>
            <translation>Save the course to add participants.</translation>
        </message>
        <message numerus="yes">
            <source>受講者 %n名</source>
            <translation>
                <numerusform>%n participant</numerusform>
                <numerusform>%n participants</numerusform>
            </translation>
        </message>
        <message>
            <source>講座</source>
            <translation>Courses</translation>
        </message>
        <message>
            <source>閉じる</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>講座を登録しました。続けて受講者を追加できます。</source>
            <translation>The course was registered. You can now add participants.</translation>
        </message>
    </context>
    <context>
        <name>CoursesPage</name>
        <message numerus="yes">
            <source>%n講座</source>
            <translation>
                <numerusform>%n course</numerusform>
                <numerusform>%n courses</numerusform>
            </translation>
        </message>
        <message>
            <source>講座名・会場・受講者で検索（Ctrl+F）</source>
            <translation>Search by course, venue or participant (Ctrl+F)</translation>
        </message>
        <message>
            <source>町全体</source>
            <translation>Whole town</translation>
        </message>
        <message numerus="yes">
            <source>講座「{title}」（受講者%n名）</source>
            <translation>
                <numerusform>Course "{title}" (%n participant)</numerusform>
                <numerusform>Course "{title}" (%n participants)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DashboardPage</name>
        <message>
            <source>ダッシュボード</source>
            <extracomment>A card is at least this many full-width characters wide; the grid has as many columns as fit. Cards built before the page paints (more than a 1366×768 screen shows); the rest come in slices of CARDS_PER_SLICE between events, so 100 districts never freeze the window.</extracomment>
            <translation>Dashboard</translation>
        </message>
        <message>
            <source>最新の状態にする</source>
            <translation>Refresh</translation>
        </message>
        <message>
            <source>連絡会まとめを印刷…</source>
            <translation>Print liaison summary…</translation>
        </message>
        <message>
            <source>学区が登録されていません。「設定」の「学区」で学区を登録してください。</source>
            <translation>No districts are registered. Register them under "Districts" in "Settings".</translation>
        </message>
        <message>
            <source>読み込み中…</source>
            <translation>Loading…</translation>
        </message>
        <message>
            <source>ダッシュボードを読み込めませんでした。「最新の状態にする」を押してください。</source>
            <translation>The dashboard could not be loaded. Press "Refresh".</translation>
        </message>
        <message numerus="yes">
            <source>{date}現在・%n学区</source>
            <translation>
                <numerusform>As of {date} · %n district</numerusform>
                <numerusform>As of {date} · %n districts</numerusform>
            </translation>
        </message>
        <message>
            <source>地域まちづくり連絡会　前回: {last}　次回: {next}</source>
            <translation>Liaison meeting  last: {last}  next: {next}</translation>
        </message>
    </context>
    <context>
        <name>DataSafety</name>
        <message>
            <source>今すぐバックアップ</source>
            <translation>Back up now</translation>
        </message>
        <message>
            <source>バックアップから復元…</source>
            <translation>Restore from a backup…</translation>
        </message>
        <message>
            <source>名簿を取り込む（CSV・Excel）…</source>
            <translation>Import roster (CSV, Excel)…</translation>
        </message>
        <message>
            <source>操作の記録（変更履歴）…</source>
            <translation>Activity log (change history)…</translation>
        </message>
        <message>
            <source>{title} — 読み取り専用</source>
            <translation>{title} — read-only</translation>
        </message>
        <message>
            <source>読み取り専用で開いています。見ることと印刷はできますが、変更は保存されません。編集するには、ほかの人が終わってから開き直してください。</source>
            <translation>Opened read-only. You can look and print, but changes are not saved. To edit, open the file again once the other person has finished.</translation>
        </message>
        <message>
            <source>前回このデータを使っていたプログラム（{user}さん、{since}から）は、正しく終了していませんでした。データはこのあと検査し、異常が見つかればお知らせします。</source>
            <translation>The program that last used this data ({user}, since {since}) did not end properly. The data is being checked now; you will be told if anything is wrong.</translation>
        </message>
        <message>
            <source>前回このデータを使っていたプログラム（{user}さん、{since}から）は、正しく終了していませんでした。データは開くときに検査してあり、問題はありません。</source>
            <translation>The program that last used this data ({user}, since {since}) did not close properly. The data was checked when it was opened and is fine.</translation>
        </message>
        <message>
            <source>利用者</source>
            <translation>User</translation>
        </message>
        <message>
            <source>バックアップを作っています…</source>
            <translation>Making a backup…</translation>
        </message>
        <message>
            <source>バックアップを作りました: {name}</source>
            <translation>Backup made: {name}</translation>
        </message>
        <message>
            <source>バックアップを作れませんでした</source>
            <translation>Could not make a backup</translation>
        </message>
    </context>
    <context>
        <name>DiffView</name>
        <message>
            <source>変更箇所</source>
            <translation>What changed</translation>
        </message>
        <message>
            <source>（二つの版の内容は同じです）</source>
            <translation>(the two versions are the same)</translation>
        </message>
        <message>
            <source>⋯</source>
            <translation>⋯</translation>
        </message>
        <message>
            <source>追加 {added}行・削除 {removed}行</source>
            <translation>{added} lines added, {removed} removed</translation>
        </message>
    </context>
    <context>
        <name>District</name>
        <message>
            <source>全学区</source>
            <translation>All districts</translation>
        </message>
    </context>
    <context>
        <name>DistrictCard</name>
        <message>
            <source>{date} 第{number}回（{status}）</source>
            <translation>{date} No. {number} ({status})</translation>
        </message>
        <message>
            <source>なし</source>
            <translation>None</translation>
        </message>
        <message>
            <source>クリックすると、この学区の「{page}」を開きます</source>
            <translation>Click to open "{page}" for this district</translation>
        </message>
        <message>
            <source>予定はありません</source>
            <translation>Nothing scheduled</translation>
        </message>
        <message>
            <source>事業</source>
            <translation>Project</translation>
        </message>
        <message>
            <source>会長</source>
            <translation>Chair</translation>
        </message>
        <message>
            <source>前回</source>
            <translation>Last meeting</translation>
        </message>
        <message>
            <source>委員</source>
            <translation>Member</translation>
        </message>
        <message>
            <source>宿題</source>
            <translation>Action item</translation>
        </message>
        <message>
            <source>期限切れはありません</source>
            <translation>Nothing overdue</translation>
        </message>
        <message numerus="yes">
            <source>%n件</source>
            <translation>
                <numerusform>%n</numerusform>
                <numerusform>%n</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n名</source>
            <translation>
                <numerusform>%n person</numerusform>
                <numerusform>%n people</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>期限切れ %n件</source>
            <translation>
                <numerusform>%n overdue</numerusform>
                <numerusform>%n overdue</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>未解決 %n件</source>
            <translation>
                <numerusform>%n open</numerusform>
                <numerusform>%n open</numerusform>
            </translation>
        </message>
        <message>
            <source>次回</source>
            <translation>Next meeting</translation>
        </message>
        <message>
            <source>課題</source>
            <translation>Issue</translation>
        </message>
        <message>
            <source>貸出</source>
            <translation>Loan</translation>
        </message>
        <message>
            <source>（{date}）</source>
            <translation> ({date})</translation>
        </message>
        <message>
            <source>（未登録）</source>
            <translation>(not registered)</translation>
        </message>
    </context>
    <context>
        <name>DistrictChoice</name>
        <message>
            <source>学区を選んでください</source>
            <translation>Choose a district</translation>
        </message>
    </context>
    <context>
        <name>DistrictDialog</name>
        <message>
            <source>学区の編集</source>
            <translation>Edit district</translation>
        </message>
        <message>
            <source>学区を新規登録</source>
            <translation>New district</translation>
        </message>
        <message>
            <source>例: 安食小学校区まちづくり協議会</source>
            <translation>e.g. Ajiki Elementary School District Community Council</translation>
        </message>
        <message>
            <source>学区名</source>
            <translation>District name</translation>
        </message>
        <message>
            <source>例: 安食小学校区</source>
            <translation>e.g. Ajiki Elementary School District</translation>
        </message>
        <message>
            <source>協議会名</source>
            <translation>Council name</translation>
        </message>
        <message>
            <source>協議会の状況</source>
            <translation>Council status</translation>
        </message>
        <message>
            <source>設立日</source>
            <translation>Established on</translation>
        </message>
        <message>
            <source>設立済のときは必ず入力します。</source>
            <translation>Required when the council is established.</translation>
        </message>
        <message>
            <source>並び順</source>
            <translation>Order</translation>
        </message>
        <message>
            <source>小さい数ほど上に並びます。</source>
            <translation>Smaller numbers come first.</translation>
        </message>
        <message>
            <source>備考</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>定足数に達しないときの注記</source>
            <translation>Remark when there is no quorum</translation>
        </message>
        <message>
            <source>議事録の議事の前に印刷します。空欄のときは、灰色で見えている標準の文言を印刷します。</source>
            <translation>Printed before the items of the minutes. When empty, the standard wording shown in grey is printed.</translation>
        </message>
        <message>
            <source>学区の情報</source>
            <translation>District details</translation>
        </message>
    </context>
    <context>
        <name>Districts</name>
        <message>
            <source>使用中</source>
            <translation>In use</translation>
        </message>
        <message>
            <source>内容</source>
            <translation>Content</translation>
        </message>
        <message>
            <source>協議会</source>
            <translation>Council</translation>
        </message>
        <message>
            <source>協議会名</source>
            <translation>Council name</translation>
        </message>
        <message>
            <source>学区名</source>
            <translation>District name</translation>
        </message>
        <message>
            <source>操作した人</source>
            <translation>Done by</translation>
        </message>
        <message>
            <source>状態</source>
            <translation>State</translation>
        </message>
        <message>
            <source>統合済み → {target}（{date}）</source>
            <translation>Merged → {target} ({date})</translation>
        </message>
        <message>
            <source>記録日</source>
            <translation>Recorded on</translation>
        </message>
        <message>
            <source>設立日</source>
            <translation>Established on</translation>
        </message>
    </context>
    <context>
        <name>DocumentDialog</name>
        <message>
            <source>書類を追加</source>
            <translation>Add document</translation>
        </message>
        <message>
            <source>例: 事業計画書</source>
            <translation>e.g. project plan</translation>
        </message>
        <message>
            <source>例: 住民活動推進課 書庫 A-3 / ファイルの場所</source>
            <translation>e.g. Community Activities Division, archive A-3 / location of the file</translation>
        </message>
        <message>
            <source>書類名</source>
            <translation>Document</translation>
        </message>
        <message>
            <source>保管場所</source>
            <translation>Storage place</translation>
        </message>
        <message>
            <source>提出日</source>
            <translation>Submitted on</translation>
        </message>
    </context>
    <context>
        <name>EditGuard</name>
        <message>
            <source>{reason}。見ることと印刷はできますが、変更はできません。</source>
            <translation>{reason}. You can view and print, but you cannot make changes.</translation>
        </message>
        <message>
            <source>変更できません</source>
            <translation>Cannot make changes</translation>
        </message>
    </context>
    <context>
        <name>EntityDialog</name>
        <message>
            <source>保存</source>
            <extracomment>The attribute holding the record being edited; :meth:`fill` replaces it after 再読み込み. 再読み込み leaves the form as typed (a step dialog: only the record beside it is reloaded). 保存 closes the editor; False keeps it open (the meeting editor: save often while typing minutes). A save writes the database (announced in the status bar); False for a sub-editor returning a row.</extracomment>
            <translation>Save</translation>
        </message>
        <message>
            <source>キャンセル</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>あなたが見ていた内容</source>
            <extracomment>The row of buttons: a subclass may put its own (印刷…) before the dialog's button box.</extracomment>
            <translation>What you were looking at</translation>
        </message>
        <message>
            <source>保存できませんでした</source>
            <translation>Could not save</translation>
        </message>
    </context>
    <context>
        <name>EntryDialog</name>
        <message>
            <source>出納帳の記帳</source>
            <translation>Cash book entry</translation>
        </message>
        <message>
            <source>記帳の修正（No.{n}）</source>
            <translation>Edit entry (No.{n})</translation>
        </message>
        <message>
            <source>例: 4月役員会 お茶代</source>
            <translation>e.g. April board meeting, tea</translation>
        </message>
        <message>
            <source>例: ○○商店（支払先・入金元）</source>
            <translation>e.g. a shop (payee or payer)</translation>
        </message>
        <message>
            <source>（協働事業と結び付けない）</source>
            <translation>(no collaborative project)</translation>
        </message>
        <message>
            <source>（補助金と結び付けない）</source>
            <translation>(no grant)</translation>
        </message>
        <message>
            <source>日付</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>科目</source>
            <translation>Account item</translation>
        </message>
        <message>
            <source>収入の科目なら収入、支出の科目なら支出として記帳します。</source>
            <translation>An income item is entered as income, an expense item as expense.</translation>
        </message>
        <message>
            <source>摘要</source>
            <translation>Description</translation>
        </message>
        <message>
            <source>金額（円）</source>
            <translation>Amount (yen)</translation>
        </message>
        <message>
            <source>12000、１２，０００、12,000円 のどれでも入力できます。</source>
            <translation>Type 12000, １２，０００ or 12,000円.</translation>
        </message>
        <message>
            <source>現金・預金</source>
            <translation>Cash / bank</translation>
        </message>
        <message>
            <source>相手先</source>
            <translation>Payee / payer</translation>
        </message>
        <message>
            <source>協働事業</source>
            <translation>Projects</translation>
        </message>
        <message>
            <source>どの協働事業の収入・支出かを選ぶと、事業ごとに集計できます。</source>
            <translation>Choose the collaborative project this belongs to, to total by project.</translation>
        </message>
        <message>
            <source>補助金</source>
            <translation>Grant</translation>
        </message>
        <message>
            <source>補助金で払った支出は、補助金を選ぶと収支精算書に載ります。</source>
            <translation>Choose the grant for spending paid from it: it then appears on the grant settlement.</translation>
        </message>
        <message>
            <source>予算を超える理由</source>
            <translation>Reason for exceeding the budget</translation>
        </message>
        <message>
            <source>日付を入力してください。</source>
            <translation>Enter the date.</translation>
        </message>
        <message>
            <source>科目を選んでください。</source>
            <translation>Choose an account item.</translation>
        </message>
        <message>
            <source>金額を入力してください。</source>
            <translation>Enter the amount.</translation>
        </message>
        <message>
            <source>この記帳</source>
            <translation>this entry</translation>
        </message>
        <message>
            <source>理由を書いてから、もう一度「保存」を押してください。</source>
            <translation>Write the reason, then press Save again.</translation>
        </message>
    </context>
    <context>
        <name>EntryView</name>
        <message>
            <source>日時</source>
            <translation>When</translation>
        </message>
        <message>
            <source>利用者</source>
            <translation>User</translation>
        </message>
        <message>
            <source>操作</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>対象</source>
            <translation>Record</translation>
        </message>
        <message>
            <source>内容</source>
            <translation>Content</translation>
        </message>
        <message>
            <source>変更</source>
            <translation>Change</translation>
        </message>
        <message>
            <source>選んだ記録の詳しい内容</source>
            <translation>Details of the chosen entry</translation>
        </message>
        <message>
            <source>記録を選ぶと、変更した項目の変更前と変更後がここに出ます。</source>
            <translation>Choose an entry to see each changed field before and after here.</translation>
        </message>
    </context>
    <context>
        <name>Equipment</name>
        <message>
            <source>0（空きなし）</source>
            <translation>0 (none free)</translation>
        </message>
        <message>
            <source>—</source>
            <translation>—</translation>
        </message>
        <message>
            <source>保管場所</source>
            <translation>Storage place</translation>
        </message>
        <message>
            <source>借り手</source>
            <translation>Borrower</translation>
        </message>
        <message>
            <source>可</source>
            <translation>Yes</translation>
        </message>
        <message>
            <source>学区</source>
            <translation>District</translation>
        </message>
        <message>
            <source>数量</source>
            <translation>Quantity</translation>
        </message>
        <message>
            <source>期間</source>
            <translation>Period</translation>
        </message>
        <message numerus="yes">
            <source>期限切れ（%n日超過）</source>
            <translation>
                <numerusform>Overdue (%n day)</numerusform>
                <numerusform>Overdue (%n days)</numerusform>
            </translation>
        </message>
        <message>
            <source>本日の空き</source>
            <translation>Free today</translation>
        </message>
        <message>
            <source>状態</source>
            <translation>State</translation>
        </message>
        <message>
            <source>空き</source>
            <translation>Free</translation>
        </message>
        <message>
            <source>管理番号</source>
            <translation>Item number</translation>
        </message>
        <message>
            <source>貸出</source>
            <translation>Loan</translation>
        </message>
        <message>
            <source>貸出・予約中</source>
            <translation>Lent or reserved</translation>
        </message>
        <message>
            <source>貸出不可</source>
            <translation>Not for loan</translation>
        </message>
        <message>
            <source>貸出日</source>
            <translation>Lent on</translation>
        </message>
        <message>
            <source>資機材</source>
            <translation>Equipment</translation>
        </message>
        <message>
            <source>資機材名</source>
            <translation>Equipment</translation>
        </message>
        <message>
            <source>返却予定日</source>
            <translation>Due back</translation>
        </message>
        <message>
            <source>返却日</source>
            <translation>Returned on</translation>
        </message>
        <message>
            <source>返却時の状態</source>
            <translation>Condition on return</translation>
        </message>
    </context>
    <context>
        <name>EquipmentDialog</name>
        <message>
            <source>資機材の編集</source>
            <translation>Edit equipment</translation>
        </message>
        <message>
            <source>資機材を登録</source>
            <translation>Register equipment</translation>
        </message>
        <message>
            <source>例: T-01</source>
            <translation>e.g. T-01</translation>
        </message>
        <message>
            <source>例: 良好 / 脚が1本ぐらつく</source>
            <translation>e.g. Good / one leg wobbles</translation>
        </message>
        <message>
            <source>貸し出せる</source>
            <translation>Can be lent</translation>
        </message>
        <message>
            <source>資機材名</source>
            <translation>Equipment</translation>
        </message>
        <message>
            <source>管理番号</source>
            <translation>Item number</translation>
        </message>
        <message>
            <source>数量</source>
            <translation>Quantity</translation>
        </message>
        <message>
            <source>保管場所</source>
            <translation>Storage place</translation>
        </message>
        <message>
            <source>状態</source>
            <translation>State</translation>
        </message>
        <message>
            <source>貸出</source>
            <translation>Loan</translation>
        </message>
        <message>
            <source>壊れて使えないときは外します（貸出の記録は残ります）。</source>
            <translation>Untick when broken (the loan records are kept).</translation>
        </message>
        <message>
            <source>備考</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>資機材の情報</source>
            <translation>Equipment details</translation>
        </message>
    </context>
    <context>
        <name>EquipmentPage</name>
        <message>
            <source>資機材の貸出</source>
            <translation>Equipment loan</translation>
        </message>
        <message>
            <source>資機材の一覧</source>
            <translation>Equipment list</translation>
        </message>
        <message>
            <source>貸出</source>
            <translation>Loan</translation>
        </message>
    </context>
    <context>
        <name>EvaluationDialog</name>
        <message>
            <source>事業の検証</source>
            <translation>Project evaluation</translation>
        </message>
        <message>
            <source>未評価</source>
            <translation>Not evaluated</translation>
        </message>
        <message>
            <source>年度</source>
            <translation>Fiscal year</translation>
        </message>
        <message>
            <source>評価（5が最高）</source>
            <translation>Rating (5 is best)</translation>
        </message>
        <message>
            <source>見えてきた課題</source>
            <translation>Issues that emerged</translation>
        </message>
        <message>
            <source>今後の方向性</source>
            <translation>Future direction</translation>
        </message>
        <message>
            <source>検証日</source>
            <translation>Evaluated on</translation>
        </message>
        <message>
            <source>未判定</source>
            <translation>Not yet judged</translation>
        </message>
        <message>
            <source>達成</source>
            <translation>Achieved</translation>
        </message>
        <message>
            <source>未達成</source>
            <translation>Not achieved</translation>
        </message>
        <message>
            <source>目標の達成</source>
            <translation>Aims achieved</translation>
        </message>
        <message>
            <source>その年度に目指したことを達成できたか。まだ判断できなければ「未判定」のままにします。</source>
            <translation>Whether what the year aimed for was achieved. Leave it at "Not yet judged" if it cannot be decided yet.</translation>
        </message>
        <message>
            <source>成果（達成できたこと）</source>
            <translation>Results (what was achieved)</translation>
        </message>
        <message>
            <source>計画の指標への貢献</source>
            <translation>Contribution to the plan's indicators</translation>
        </message>
        <message>
            <source>例: ⑬ 小学校区協働事業として1件に計上。ごみゼロ・草ゼロの延べ参加者が120人増えた。</source>
            <translation>e.g. Counted as one ⑬ school-district collaborative project. Zero litter, zero weeds attendance up by 120.</translation>
        </message>
    </context>
    <context>
        <name>ExpectedQuorum</name>
        <message>
            <source>定足数に達しない見込み</source>
            <translation>Quorum not expected</translation>
        </message>
        <message>
            <source>成立見込み</source>
            <translation>Quorum expected</translation>
        </message>
        <message>
            <source>未回答の方の出欠しだい</source>
            <translation>Depends on those who have not replied</translation>
        </message>
    </context>
    <context>
        <name>Export</name>
        <message>
            <source>Excel ブック (*.xlsx);;CSV（Excelで開けます） (*.csv)</source>
            <translation>Excel workbook (*.xlsx);;CSV (opens in Excel) (*.csv)</translation>
        </message>
        <message>
            <source>この一覧を Excel（.xlsx）か CSV で保存します</source>
            <translation>Saves this list as Excel (.xlsx) or CSV</translation>
        </message>
        <message>
            <source>ファイルを保存できませんでした。保存先のフォルダと、そのファイルをExcelで開いていないかを確かめてください。</source>
            <translation>Could not save the file. Check the folder, and that the file is not open in Excel.</translation>
        </message>
        <message>
            <source>一覧を書き出す</source>
            <translation>Export list</translation>
        </message>
        <message>
            <source>書き出し…</source>
            <translation>Export…</translation>
        </message>
        <message>
            <source>書き出せませんでした</source>
            <translation>Could not export</translation>
        </message>
    </context>
    <context>
        <name>FieldRow</name>
        <message>
            <source>（必須）</source>
            <translation>(required)</translation>
        </message>
    </context>
    <context>
        <name>Formatting</name>
        <message>
            <source>第{n}回</source>
            <translation>No. {n}</translation>
        </message>
    </context>
    <context>
        <name>GeneralMeetingPage</name>
        <message>
            <source>総会・役員改選</source>
            <translation>General meeting &amp; officers</translation>
        </message>
        <message>
            <source>協議会</source>
            <translation>Council</translation>
        </message>
        <message>
            <source>報告する年度</source>
            <translation>Fiscal year reported</translation>
        </message>
        <message>
            <source>会則…</source>
            <translation>Bylaws…</translation>
        </message>
        <message>
            <source>役員改選…</source>
            <translation>Officer changeover…</translation>
        </message>
        <message>
            <source>委嘱状…</source>
            <translation>Commissions…</translation>
        </message>
        <message>
            <source>引継ぎ資料…</source>
            <translation>Handover pack…</translation>
        </message>
        <message>
            <source>議案書を印刷…</source>
            <translation>Print meeting pack…</translation>
        </message>
        <message>
            <source>学区が登録されていません。「設定」で学区を登録してください。</source>
            <translation>No districts yet. Add one under Settings.</translation>
        </message>
        <message numerus="yes">
            <source>%n項目</source>
            <translation>
                <numerusform>%n part</numerusform>
                <numerusform>%n parts</numerusform>
            </translation>
        </message>
        <message>
            <source>自動作成に戻す</source>
            <translation>Back to the generated text</translation>
        </message>
        <message>
            <source>「{part}」の修正を捨てて、記録から作った文に戻しますか？</source>
            <translation>Discard the edit of "{part}" and go back to the text made from the records?</translation>
        </message>
        <message>
            <source>戻す</source>
            <translation>Restore</translation>
        </message>
        <message>
            <source>役員改選を適用しました</source>
            <translation>Changeover applied</translation>
        </message>
        <message>
            <source>再任{renewed}名・退任{ended}名・交代{handed}名を{day}付で適用しました。続けて委嘱状を印刷しますか？</source>
            <translation>Applied as of {day}: {renewed} renewed, {ended} ended, {handed} handed over. Print the letters of commission now?</translation>
        </message>
        <message>
            <source>委嘱状を印刷</source>
            <translation>Print letters of commission</translation>
        </message>
    </context>
    <context>
        <name>GeneralMeetingPrintWindow</name>
        <message>
            <source>総会議案書を印刷</source>
            <translation>Print general meeting pack</translation>
        </message>
    </context>
    <context>
        <name>GrantDialog</name>
        <message>
            <source>申請日</source>
            <translation>Applied on</translation>
        </message>
        <message>
            <source>審査日</source>
            <translation>Reviewed on</translation>
        </message>
        <message>
            <source>決定日（交付決定・不採用）</source>
            <translation>Decided on (granted or rejected)</translation>
        </message>
        <message>
            <source>実績報告日</source>
            <translation>Results reported on</translation>
        </message>
        <message>
            <source>確定日</source>
            <translation>Approved on</translation>
        </message>
        <message>
            <source>補助金の申請</source>
            <translation>Grant application</translation>
        </message>
        <message>
            <source>例: 地域まちづくり活動補助金</source>
            <translation>e.g. Community development activity grant</translation>
        </message>
        <message>
            <source>ステータス: {status}</source>
            <translation>Status: {status}</translation>
        </message>
        <message>
            <source>年度</source>
            <translation>Fiscal year</translation>
        </message>
        <message>
            <source>補助制度</source>
            <translation>Grant scheme</translation>
        </message>
        <message>
            <source>申請額（円）</source>
            <translation>Amount applied for (yen)</translation>
        </message>
        <message>
            <source>交付決定額（円）</source>
            <translation>Amount granted (yen)</translation>
        </message>
        <message>
            <source>支出額（円）</source>
            <translation>Amount spent (yen)</translation>
        </message>
        <message>
            <source>実績として使った額。交付決定額を超えると注意が出ます。</source>
            <translation>The amount actually spent. You are warned if it exceeds the amount granted.</translation>
        </message>
        <message>
            <source>備考</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>添付書類</source>
            <translation>Attached documents</translation>
        </message>
        <message>
            <source>書類を追加…</source>
            <translation>Add document…</translation>
        </message>
        <message>
            <source>書類の名前と、紙やファイルの保管場所を記録します。</source>
            <translation>Records the document's name and where the paper or file is kept.</translation>
        </message>
        <message>
            <source>書類の削除</source>
            <translation>Remove document</translation>
        </message>
        <message>
            <source>書類「{title}」を一覧から外しますか？</source>
            <translation>Remove the document "{title}" from the list?</translation>
        </message>
        <message>
            <source>削除</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>支出額が交付決定額を{over}超えています（超過）。</source>
            <translation>The amount spent exceeds the amount granted by {over}.</translation>
        </message>
        <message>
            <source>申請額を入力してください（なければ0）。</source>
            <translation>Enter the amount applied for (0 if none).</translation>
        </message>
        <message>
            <source>{year}分 {scheme}
今の段階: {status}　申請額: {amount}</source>
            <translation>{scheme} for {year}
Current step: {status}  Amount applied for: {amount}</translation>
        </message>
        <message>
            <source>その段階の日付</source>
            <translation>Date of that step</translation>
        </message>
        <message>
            <source>交付決定額</source>
            <translation>Amount granted</translation>
        </message>
        <message>
            <source>次の段階</source>
            <translation>Next step</translation>
        </message>
        <message>
            <source>段階</source>
            <translation>Step</translation>
        </message>
        <message>
            <source>申請額</source>
            <translation>Amount applied for</translation>
        </message>
        <message>
            <source>補助金の申請を次の段階へ</source>
            <translation>Move the grant application to its next step</translation>
        </message>
    </context>
    <context>
        <name>GrantSettlementDialog</name>
        <message>
            <source>補助金の収支精算</source>
            <translation>Grant settlement</translation>
        </message>
        <message>
            <source>交付決定額</source>
            <translation>Amount granted</translation>
        </message>
        <message>
            <source>補助金の収入（出納帳）</source>
            <translation>Grant received (cash book)</translation>
        </message>
        <message>
            <source>実績額（結び付いた支出）</source>
            <translation>Spent (linked expenses)</translation>
        </message>
        <message>
            <source>差額（交付決定額 − 実績額）</source>
            <translation>Difference (granted − spent)</translation>
        </message>
        <message>
            <source>返還額</source>
            <translation>To return</translation>
        </message>
        <message>
            <source>補助金の記録の支出額</source>
            <translation>Spent on the grant record</translation>
        </message>
        <message>
            <source>結び付いた記帳</source>
            <translation>Linked entries</translation>
        </message>
        <message>
            <source>補助金</source>
            <translation>Grant</translation>
        </message>
        <message>
            <source>記帳に補助金を選ぶと、ここに集まります。「実績額を記録する」で、補助金の記録の支出額を出納帳の実績額にします。</source>
            <translation>Entries linked to the grant are totalled here. Record spent amount sets the grant record's spending to the cash book's figure.</translation>
        </message>
        <message>
            <source>実績額を記録する</source>
            <translation>Record spent amount</translation>
        </message>
        <message>
            <source>収支精算書を印刷…</source>
            <translation>Print the settlement…</translation>
        </message>
        <message>
            <source>この学区・年度の補助金がありません。協働事業のページで補助金を登録してください。</source>
            <translation>This district has no grant this year. Register grants on the projects page.</translation>
        </message>
        <message>
            <source>（未決定）</source>
            <translation>(not decided)</translation>
        </message>
        <message>
            <source>（未記録）</source>
            <translation>(not recorded)</translation>
        </message>
        <message numerus="yes">
            <source>%n件</source>
            <translation>
                <numerusform>%n entry</numerusform>
                <numerusform>%n entries</numerusform>
            </translation>
        </message>
        <message>
            <source>実績額はまだ補助金の記録にありません。「実績額を記録する」で記録します。</source>
            <translation>The grant record does not have the spent amount yet. Record spent amount records it.</translation>
        </message>
        <message>
            <source>✓ 出納帳と補助金の記録は一致しています。</source>
            <translation>✓ The cash book and the grant record agree.</translation>
        </message>
        <message>
            <source>補助金を選んでください。</source>
            <translation>Choose a grant.</translation>
        </message>
    </context>
    <context>
        <name>GrantStatus</name>
        <message>
            <source>不採用</source>
            <translation>Rejected</translation>
        </message>
        <message>
            <source>交付決定</source>
            <translation>Grant decided</translation>
        </message>
        <message>
            <source>実績報告</source>
            <translation>Report on results</translation>
        </message>
        <message>
            <source>審査</source>
            <translation>Under review</translation>
        </message>
        <message>
            <source>申請</source>
            <translation>Application</translation>
        </message>
        <message>
            <source>確定</source>
            <translation>Approved</translation>
        </message>
    </context>
    <context>
        <name>GrantTotalsDialog</name>
        <message>
            <source>補助金の集計（年度・学区別）</source>
            <extracomment>What the window shows first: the districts of its filter and the totals of every year in the district.</extracomment>
            <translation>Grant totals (by fiscal year and district)</translation>
        </message>
        <message>
            <source>すべての年度</source>
            <translation>All fiscal years</translation>
        </message>
        <message>
            <source>年度</source>
            <translation>Fiscal year</translation>
        </message>
        <message>
            <source>全学区</source>
            <translation>All districts</translation>
        </message>
        <message>
            <source>学区</source>
            <translation>District</translation>
        </message>
        <message>
            <source>補助金の集計</source>
            <translation>Grant totals</translation>
        </message>
        <message>
            <source>閉じる</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>申請中・不採用も含めたすべての申請の合計です。支出額が交付決定額を超えた行は「期限切れ」と同じ赤で示します。</source>
            <translation>Totals of all applications, including pending and rejected ones. Rows where the amount spent exceeds the amount granted are shown in the same red as "Overdue".</translation>
        </message>
        <message>
            <source>合計</source>
            <translation>Total</translation>
        </message>
    </context>
    <context>
        <name>Grants</name>
        <message numerus="yes">
            <source>%n件</source>
            <translation>
                <numerusform>%n</numerusform>
                <numerusform>%n</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n点</source>
            <translation>
                <numerusform>%n item</numerusform>
                <numerusform>%n items</numerusform>
            </translation>
        </message>
        <message>
            <source>{spent}（{over}超過）</source>
            <translation>{spent} ({over} over)</translation>
        </message>
        <message>
            <source>ステータス</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>交付決定額</source>
            <translation>Amount granted</translation>
        </message>
        <message>
            <source>件数</source>
            <translation>Count</translation>
        </message>
        <message>
            <source>保管場所</source>
            <translation>Storage place</translation>
        </message>
        <message>
            <source>合計</source>
            <translation>Total</translation>
        </message>
        <message>
            <source>学区</source>
            <translation>District</translation>
        </message>
        <message>
            <source>年度</source>
            <translation>Fiscal year</translation>
        </message>
        <message>
            <source>提出日</source>
            <translation>Submitted on</translation>
        </message>
        <message>
            <source>支出額</source>
            <translation>Amount spent</translation>
        </message>
        <message>
            <source>支出額が交付決定額を超えています</source>
            <translation>The amount spent exceeds the amount granted</translation>
        </message>
        <message>
            <source>日付</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>書類</source>
            <translation>Documents</translation>
        </message>
        <message>
            <source>書類名</source>
            <translation>Document</translation>
        </message>
        <message>
            <source>申請額</source>
            <translation>Amount applied for</translation>
        </message>
        <message>
            <source>補助制度</source>
            <translation>Grant scheme</translation>
        </message>
    </context>
    <context>
        <name>HandoverPrintWindow</name>
        <message>
            <source>引継ぎ資料を印刷</source>
            <translation>Print handover pack</translation>
        </message>
    </context>
    <context>
        <name>ImportMembers</name>
        <message>
            <source>氏名</source>
            <extracomment>The items a column can be taken for, for the translation (the service's FIELDS labels, by key).</extracomment>
            <translation>Name</translation>
        </message>
        <message>
            <source>姓</source>
            <translation>Family name</translation>
        </message>
        <message>
            <source>名</source>
            <translation> people</translation>
        </message>
        <message>
            <source>フリガナ</source>
            <translation>Reading (kana)</translation>
        </message>
        <message>
            <source>セイ</source>
            <translation>Family name (kana)</translation>
        </message>
        <message>
            <source>メイ</source>
            <translation>Given name (kana)</translation>
        </message>
        <message>
            <source>郵便番号</source>
            <translation>Postal code</translation>
        </message>
        <message>
            <source>住所</source>
            <translation>Address</translation>
        </message>
        <message>
            <source>電話番号</source>
            <translation>Phone number</translation>
        </message>
        <message>
            <source>メールアドレス</source>
            <translation>Email address</translation>
        </message>
        <message>
            <source>備考</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>学区</source>
            <translation>District</translation>
        </message>
        <message>
            <source>役割</source>
            <translation>Role</translation>
        </message>
        <message>
            <source>公職名</source>
            <translation>Public post</translation>
        </message>
        <message>
            <source>役職</source>
            <translation>Post</translation>
        </message>
        <message>
            <source>任期開始</source>
            <translation>Term start</translation>
        </message>
        <message>
            <source>任期終了</source>
            <translation>Term end</translation>
        </message>
        <message>
            <source>取り込み済み</source>
            <translation>Imported</translation>
        </message>
        <message>
            <source>取り込める</source>
            <translation>Can be imported</translation>
        </message>
        <message>
            <source>誤りあり</source>
            <translation>Has mistakes</translation>
        </message>
        <message>
            <source>名簿にいる人と重複</source>
            <translation>Already on the roster</translation>
        </message>
    </context>
    <context>
        <name>ImportMembersDialog</name>
        <message>
            <source>名簿の取り込み</source>
            <translation>Import roster</translation>
        </message>
        <message>
            <source>名簿の取り込み（CSV・Excel）</source>
            <translation>Import a roster (CSV, Excel)</translation>
        </message>
        <message>
            <source>ほかの課から届いた名簿のファイルを選ぶと、まず中身を確かめます（この段階では何も登録しません）。</source>
            <translation>Choose the roster file another office sent: it is checked first (nothing is registered at this step).</translation>
        </message>
        <message>
            <source>ファイルがまだ選ばれていません</source>
            <translation>No file chosen yet</translation>
        </message>
        <message>
            <source>ファイルを選ぶ…</source>
            <translation>Choose file…</translation>
        </message>
        <message>
            <source>ファイルの「学区」の列に従う</source>
            <translation>As in the file's district column</translation>
        </message>
        <message>
            <source>取り込み先の学区(&amp;D):</source>
            <translation>Import into &amp;district:</translation>
        </message>
        <message>
            <source>列の対応付け</source>
            <translation>Column mapping</translation>
        </message>
        <message>
            <source>ファイルの列</source>
            <translation>Column in the file</translation>
        </message>
        <message>
            <source>取り込む項目</source>
            <translation>Imported as</translation>
        </message>
        <message>
            <source>確認の結果</source>
            <extracomment>Palette keys (gui/palette.py): the colour goes with the text label, never instead of it.</extracomment>
            <translation>Check result</translation>
        </message>
        <message>
            <source>行</source>
            <translation>Line</translation>
        </message>
        <message>
            <source>氏名</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>結果</source>
            <translation>Result</translation>
        </message>
        <message>
            <source>誤りの内容</source>
            <translation>Mistakes</translation>
        </message>
        <message>
            <source>行ごとの確認の結果</source>
            <translation>Check result by line</translation>
        </message>
        <message>
            <source>すべて取り込む（誤りがあれば何もしない）</source>
            <translation>Import all (nothing if any row has mistakes)</translation>
        </message>
        <message>
            <source>正しい行だけ取り込む</source>
            <translation>Import only the correct rows</translation>
        </message>
        <message>
            <source>閉じる</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>取り込む名簿のファイルを選ぶ</source>
            <translation>Choose the roster file to import</translation>
        </message>
        <message>
            <source>名簿（CSV・Excel） (*.csv *.txt *.xlsx)</source>
            <translation>Roster (CSV, Excel) (*.csv *.txt *.xlsx)</translation>
        </message>
        <message>
            <source>すべてのファイル (*)</source>
            <translation>All files (*)</translation>
        </message>
        <message>
            <source>ファイル: {path}</source>
            <translation>File: {path}</translation>
        </message>
        <message>
            <source>ファイルを確かめています…</source>
            <translation>Checking the file…</translation>
        </message>
        <message>
            <source>確認を中止しました。ファイルを選び直すか、対応付けを変えると、もう一度確かめます。</source>
            <translation>The check was cancelled. Choose the file again or change the column mapping to check it again.</translation>
        </message>
        <message>
            <source>ファイルを読めませんでした。ファイルの場所と、Excelで開いたままになっていないかを確かめてください。</source>
            <translation>Could not read the file. Check where it is and that it is not still open in Excel.</translation>
        </message>
        <message>
            <source>ファイルを読めませんでした。CSVかExcel（.xlsx）の名簿か確かめてください。</source>
            <translation>Could not read the file. Check that it is a roster in CSV or Excel (.xlsx).</translation>
        </message>
        <message>
            <source>（取り込まない）</source>
            <translation>(not imported)</translation>
        </message>
        <message>
            <source>{n}列目: {heading}</source>
            <translation>Column {n}: {heading}</translation>
        </message>
        <message>
            <source>（見出しなし）</source>
            <translation>(no heading)</translation>
        </message>
        <message>
            <source>{n}列目の取り込む項目</source>
            <translation>What column {n} is imported as</translation>
        </message>
        <message>
            <source>見出しは{line}行目</source>
            <translation>headings on line {line}</translation>
        </message>
        <message>
            <source>文字コード: {encoding}</source>
            <translation>Encoding: {encoding}</translation>
        </message>
        <message>
            <source>シート: {sheet}</source>
            <translation>Sheet: {sheet}</translation>
        </message>
        <message>
            <source>・</source>
            <translation> · </translation>
        </message>
        <message>
            <source>{imported}人を取り込みました。取り込まなかった行: {skipped}行</source>
            <translation>Imported: {imported}. Rows left out: {skipped}</translation>
        </message>
        <message>
            <source>全{rows}行: 取り込める行 {valid}・誤りのある行 {invalid}・名簿にいる人と重複 {duplicate}</source>
            <translation>Rows: {rows} · can be imported: {valid} · with mistakes: {invalid} · already on the roster: {duplicate}</translation>
        </message>
        <message>
            <source>{line}行目（{name}）: {status}</source>
            <translation>Line {line} ({name}): {status}</translation>
        </message>
        <message>
            <source>氏名なし</source>
            <translation>no name</translation>
        </message>
        <message>
            <source>読み取り専用で開いているため、取り込めません（確認だけはできます）。</source>
            <translation>Opened read-only: nothing can be imported (checking still works).</translation>
        </message>
        <message>
            <source>バックアップを作ってから取り込んでいます…</source>
            <translation>Making a backup, then importing…</translation>
        </message>
        <message>
            <source>取り込みを中止しました。名簿は取り込む前のままです。</source>
            <translation>The import was cancelled. The roster is as it was before.</translation>
        </message>
        <message numerus="yes">
            <source>%n人を名簿に取り込みました。</source>
            <translation>
                <numerusform>%n person imported into the roster. </numerusform>
                <numerusform>%n people imported into the roster. </numerusform>
            </translation>
        </message>
        <message>
            <source>取り込む前のデータはバックアップしてあります: {path}</source>
            <translation>The data as it was before the import is backed up: {path}</translation>
        </message>
        <message>
            <source>1人も取り込んでいません。</source>
            <translation>Nobody was imported.</translation>
        </message>
        <message>
            <source>名簿は取り込む前のままです。</source>
            <translation> The roster is as it was before.</translation>
        </message>
    </context>
    <context>
        <name>IndicatorChart</name>
        <message>
            <source>成果指標のグラフ</source>
            <translation>Outcome indicator chart</translation>
        </message>
        <message>
            <source>表示する指標がありません。</source>
            <translation>There are no indicators to show.</translation>
        </message>
        <message>
            <source>現状値 {v}</source>
            <translation>Baseline {v}</translation>
        </message>
        <message>
            <source>目標値 {v}</source>
            <translation>Target {v}</translation>
        </message>
        <message>
            <source>実績値 {v}</source>
            <translation>Actual {v}</translation>
        </message>
        <message>
            <source>実績値 —（未集計）</source>
            <translation>Actual — (not counted)</translation>
        </message>
        <message>
            <source>現状値</source>
            <translation>Baseline</translation>
        </message>
        <message>
            <source>実績値</source>
            <translation>Actual value</translation>
        </message>
        <message>
            <source>実績値（上書き）</source>
            <translation>Actual value (overridden)</translation>
        </message>
        <message>
            <source>目標値</source>
            <translation>Target</translation>
        </message>
        <message>
            <source>未集計（0ではない）</source>
            <translation>Not counted (not 0)</translation>
        </message>
    </context>
    <context>
        <name>IndicatorDialog</name>
        <message>
            <source>成果指標の編集</source>
            <translation>Edit outcome indicator</translation>
        </message>
        <message>
            <source>成果指標を追加</source>
            <translation>Add outcome indicator</translation>
        </message>
        <message>
            <source>例: volunteers</source>
            <translation>e.g. volunteers</translation>
        </message>
        <message>
            <source>例: 人、件、事業</source>
            <translation>e.g. people, cases, projects</translation>
        </message>
        <message>
            <source>例: ⑫</source>
            <translation>e.g. ⑫</translation>
        </message>
        <message>
            <source>手入力（実績値を年度ごとに入力する）</source>
            <translation>Manual (enter the actual value for each year)</translation>
        </message>
        <message>
            <source>記録から自動で集計: {rule}</source>
            <translation>Totalled from the records automatically: {rule}</translation>
        </message>
        <message>
            <source>指標名</source>
            <translation>Indicator</translation>
        </message>
        <message>
            <source>指標コード</source>
            <translation>Indicator code</translation>
        </message>
        <message>
            <source>半角英数字と「_」。ほかの指標と同じにはできません。</source>
            <translation>Letters, digits and "_". Must differ from every other indicator.</translation>
        </message>
        <message>
            <source>単位</source>
            <translation>Unit</translation>
        </message>
        <message>
            <source>事業番号</source>
            <translation>Plan item number</translation>
        </message>
        <message>
            <source>実績値の出し方</source>
            <translation>How the actual value is found</translation>
        </message>
        <message>
            <source>自動で集計する指標も、理由を付ければ年度ごとに手入力で上書きできます。</source>
            <translation>Indicators totalled automatically can also be overridden by hand for a year, with a reason.</translation>
        </message>
        <message>
            <source>表示順</source>
            <translation>Display order</translation>
        </message>
        <message>
            <source>小さい順に並びます。</source>
            <translation>Sorted smallest first.</translation>
        </message>
        <message>
            <source>資料の注記（印刷されます）</source>
            <translation>Note for the paper (printed)</translation>
        </message>
        <message>
            <source>連絡会まとめの、この指標の表の下に印刷されます。</source>
            <translation>Printed under this indicator's table in the liaison council summary.</translation>
        </message>
        <message>
            <source>内部メモ（印刷されません）</source>
            <translation>Internal memo (never printed)</translation>
        </message>
        <message>
            <source>入力する人どうしの覚え書き。画面にだけ表示され、資料には印刷されません。</source>
            <translation>A note between the people entering figures. Shown on screen only, never printed on the papers.</translation>
        </message>
        <message>
            <source>成果指標</source>
            <translation>Outcome indicators</translation>
        </message>
    </context>
    <context>
        <name>IndicatorTable</name>
        <message>
            <source>
ダブルクリックかEnterで入力します。</source>
            <translation>
Double-click or press Enter to enter a value.</translation>
        </message>
        <message>
            <source>内部メモ（印刷されません）: {note}</source>
            <translation>Internal memo (never printed): {note}</translation>
        </message>
        <message>
            <source>区分</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>年度が始まると記録から自動で集計されます。</source>
            <translation>Totalled from the records automatically once the fiscal year begins.</translation>
        </message>
        <message>
            <source>手入力</source>
            <translation>Manual</translation>
        </message>
        <message>
            <source>手入力で上書き（{who}）: {reason}</source>
            <translation>Overridden by hand ({who}): {reason}</translation>
        </message>
        <message>
            <source>手入力（{who}）</source>
            <translation>Manual ({who})</translation>
        </message>
        <message>
            <source>指標</source>
            <translation>Indicators</translation>
        </message>
        <message>
            <source>未集計: この年度より前には記録がないため、集計できません（0ではありません）。</source>
            <translation>Not counted: there are no records before this fiscal year, so there is nothing to total (this is not 0).</translation>
        </message>
        <message>
            <source>記録からの集計は {value}</source>
            <translation>The total from the records is {value}</translation>
        </message>
        <message>
            <source>記録から自動で集計: {rule}</source>
            <translation>Totalled from the records automatically: {rule}</translation>
        </message>
        <message>
            <source>資料の注記（印刷されます）: {note}</source>
            <translation>Note for the paper (printed): {note}</translation>
        </message>
        <message>
            <source>（{unit}）</source>
            <translation> ({unit})</translation>
        </message>
    </context>
    <context>
        <name>IndicatorValueDialog</name>
        <message>
            <source>{name} {year}の{kind}</source>
            <translation>{name}: {kind} for {year}</translation>
        </message>
        <message>
            <source>値（{unit}）</source>
            <translation>Value ({unit})</translation>
        </message>
        <message>
            <source>値</source>
            <translation>Value</translation>
        </message>
        <message>
            <source>上書きする理由</source>
            <translation>Reason for the override</translation>
        </message>
        <message>
            <source>例: 記録にない窓口外の相談を含めるため。入力した人（{user}）と一緒に記録されます。</source>
            <translation>e.g. To include consultations outside the counter that are not in the records. Saved together with who entered it ({user}).</translation>
        </message>
        <message>
            <source>資料の注記（印刷されます）</source>
            <translation>Note for the paper (printed)</translation>
        </message>
        <message>
            <source>連絡会まとめの、この指標の表の下に年度と一緒に印刷されます。</source>
            <translation>Printed with the fiscal year under this indicator's table in the liaison council summary.</translation>
        </message>
        <message>
            <source>内部メモ（印刷されません）</source>
            <translation>Internal memo (never printed)</translation>
        </message>
        <message>
            <source>入力する人どうしの覚え書き。資料には印刷されません。</source>
            <translation>A note between the people entering figures. Never printed on the papers.</translation>
        </message>
        <message>
            <source>上書きを解除</source>
            <translation>Remove override</translation>
        </message>
        <message>
            <source>値を消す</source>
            <translation>Clear value</translation>
        </message>
        <message>
            <source>総合計画の{kind}を年度ごとに入力します。</source>
            <translation>Enter the comprehensive plan's {kind} for each fiscal year.</translation>
        </message>
        <message>
            <source>この指標の実績値は手入力で記録します。</source>
            <translation>The actual values of this indicator are entered by hand.</translation>
        </message>
        <message>
            <source>この指標の実績値は記録から自動で集計されます（{rule}）。</source>
            <translation>The actual values of this indicator are totalled from the records automatically ({rule}).</translation>
        </message>
        <message>
            <source>記録からの集計: {value}</source>
            <translation>Total from the records: {value}</translation>
        </message>
        <message>
            <source>この年度より前には記録がないため、未集計です（0ではありません）。</source>
            <translation>There are no records before this fiscal year, so it is not counted (this is not 0).</translation>
        </message>
        <message>
            <source>この年度はまだ始まっていないため、集計はありません。</source>
            <translation>This fiscal year has not started yet, so there is no total.</translation>
        </message>
        <message>
            <source>いまは {value} に上書きされています（{who}）。</source>
            <translation>Currently overridden with {value} ({who}).</translation>
        </message>
        <message>
            <source>入力者不明</source>
            <translation>Entered by unknown</translation>
        </message>
        <message>
            <source>値を入力すると、理由を付けて上書きします。</source>
            <translation>Entering a value overrides the total, with a reason.</translation>
        </message>
        <message>
            <source>{what}の上書きを解除して、記録からの集計に戻しますか？</source>
            <translation>Remove the override of {what} and go back to the total from the records?</translation>
        </message>
        <message>
            <source>{what}を消しますか？</source>
            <translation>Clear {what}?</translation>
        </message>
        <message>
            <source>値は数字で入力してください（例: 23）。</source>
            <translation>Enter the value as a number (e.g. 23).</translation>
        </message>
        <message>
            <source>値を入力してください。消す場合は「値を消す」を使ってください。</source>
            <translation>Enter a value. To remove it, use "Clear value".</translation>
        </message>
    </context>
    <context>
        <name>IndicatorsPage</name>
        <message>
            <source>指標</source>
            <translation>Indicators</translation>
        </message>
        <message>
            <source>連絡会まとめを印刷…</source>
            <translation>Print liaison summary…</translation>
        </message>
        <message>
            <source>指標を追加…</source>
            <translation>Add indicator…</translation>
        </message>
        <message>
            <source>成果指標</source>
            <translation>Outcome indicators</translation>
        </message>
        <message>
            <source>グラフ一覧</source>
            <translation>Charts</translation>
        </message>
        <message>
            <source>相談記録（⑫）</source>
            <translation>Consultations (⑫)</translation>
        </message>
        <message>
            <source>講座（⑫）</source>
            <translation>Courses (⑫)</translation>
        </message>
        <message>
            <source>起業者（⑫）</source>
            <translation>Entrepreneurs (⑫)</translation>
        </message>
        <message numerus="yes">
            <source>%n指標・{span}</source>
            <translation>
                <numerusform>%n indicator · {span}</numerusform>
                <numerusform>%n indicators · {span}</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>IndicatorsTab</name>
        <message>
            <source>値を入力…</source>
            <extracomment>Areas whose changes move the computed actuals (or the indicators themselves).</extracomment>
            <translation>Enter value…</translation>
        </message>
        <message>
            <source>指標を編集…</source>
            <translation>Edit indicator…</translation>
        </message>
        <message>
            <source>指標を削除</source>
            <translation>Delete indicator</translation>
        </message>
        <message>
            <source>年度を追加…</source>
            <translation>Add fiscal year…</translation>
        </message>
        <message>
            <source>年度の欄をダブルクリック（またはEnter）すると値を入力できます。実績値の（自動）は記録からの集計、（上書き）は理由を付けて手入力で直した値、（手入力）は手で記録した値です。「—」は未集計で、0ではありません。</source>
            <translation>Double-click a year's cell (or press Enter) to enter a value. For actual values, (auto) is the total from the records, (override) a value corrected by hand with a reason, and (manual) a value recorded by hand. — means not counted; it is not 0.</translation>
        </message>
        <message>
            <source>成果指標の表</source>
            <translation>Outcome indicator table</translation>
        </message>
        <message>
            <source>グラフ: {name}（実績値と目標値）</source>
            <translation>Chart: {name} (actual and target values)</translation>
        </message>
        <message>
            <source>グラフ</source>
            <translation>Chart</translation>
        </message>
        <message>
            <source>成果指標「{name}」を削除しますか？
すべての年度の現状値・目標値・実績値も消え、元に戻せません。</source>
            <translation>Delete the outcome indicator "{name}"?
Its baseline, target and actual values for every year go too, and this cannot be undone.</translation>
        </message>
        <message>
            <source>削除</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>年度を追加</source>
            <translation>Add fiscal year</translation>
        </message>
        <message>
            <source>表に加える年度（例: 令和12年度、R12、2030）:</source>
            <translation>Fiscal year to add to the table (e.g. 2030, R12, 令和12年度):</translation>
        </message>
    </context>
    <context>
        <name>InventoryList</name>
        <message>
            <source>資機材名・管理番号・保管場所で検索（Ctrl+F）</source>
            <translation>Search by equipment, item number or storage place (Ctrl+F)</translation>
        </message>
        <message>
            <source>資機材の一覧</source>
            <translation>Equipment list</translation>
        </message>
        <message>
            <source>空き状況…</source>
            <translation>Availability…</translation>
        </message>
        <message>
            <source>この資機材を貸し出す…</source>
            <translation>Lend this item…</translation>
        </message>
        <message>
            <source>新規登録</source>
            <translation>New</translation>
        </message>
        <message>
            <source>町の資機材</source>
            <translation>Town equipment</translation>
        </message>
        <message numerus="yes">
            <source>%n品目</source>
            <translation>
                <numerusform>%n item</numerusform>
                <numerusform>%n items</numerusform>
            </translation>
        </message>
        <message>
            <source>資機材の削除</source>
            <translation>Delete equipment</translation>
        </message>
        <message>
            <source>資機材「{name}」を削除しますか？</source>
            <translation>Delete the equipment "{name}"?</translation>
        </message>
        <message>
            <source>削除</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>削除できません</source>
            <translation>Cannot delete</translation>
        </message>
    </context>
    <context>
        <name>IssueDialog</name>
        <message>
            <source>地域課題の編集</source>
            <translation>Edit issue</translation>
        </message>
        <message>
            <source>地域課題を登録</source>
            <translation>Register issue</translation>
        </message>
        <message>
            <source>分類を選んでください</source>
            <translation>Choose a category</translation>
        </message>
        <message>
            <source>地域まちづくり連絡会で共有する</source>
            <translation>Share at the liaison meeting</translation>
        </message>
        <message>
            <source>課題名</source>
            <translation>Issue</translation>
        </message>
        <message>
            <source>学区</source>
            <translation>District</translation>
        </message>
        <message>
            <source>分類</source>
            <translation>Category</translation>
        </message>
        <message>
            <source>提起日</source>
            <translation>Raised on</translation>
        </message>
        <message>
            <source>優先度</source>
            <translation>Priority</translation>
        </message>
        <message>
            <source>出どころ</source>
            <translation>Source</translation>
        </message>
        <message>
            <source>どこで出た課題か: 会議・住民の声・職員・連絡会</source>
            <translation>Where the issue came from: a meeting, residents, staff or the liaison council</translation>
        </message>
        <message>
            <source>内容</source>
            <translation>Content</translation>
        </message>
        <message>
            <source>連絡会</source>
            <translation>Liaison</translation>
        </message>
        <message>
            <source>現在のステータス: {status}　関連する事業: {projects}</source>
            <translation>Current status: {status}  Related projects: {projects}</translation>
        </message>
        <message>
            <source>なし</source>
            <translation>None</translation>
        </message>
        <message>
            <source>ステータスの履歴</source>
            <translation>Status history</translation>
        </message>
        <message>
            <source>ステータスは一覧の「ステータス変更…」で変えます。変更は日付とコメントつきで残ります。</source>
            <translation>Change the status with "Change status…" in the list. Each change is kept with its date and comment.</translation>
        </message>
        <message>
            <source>地域課題</source>
            <translation>Regional issues</translation>
        </message>
    </context>
    <context>
        <name>IssueMatrix</name>
        <message numerus="yes">
            <source>{district} {category} %n件</source>
            <translation>
                <numerusform>{district} {category}: %n</numerusform>
                <numerusform>{district} {category}: %n</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{district} × {category}: %n件（クリックで一覧を表示）</source>
            <translation>
                <numerusform>{district} × {category}: %n (click to see the list)</numerusform>
                <numerusform>{district} × {category}: %n (click to see the list)</numerusform>
            </translation>
        </message>
        <message>
            <source>すべての分類</source>
            <translation>All categories</translation>
        </message>
        <message>
            <source>全学区</source>
            <translation>All districts</translation>
        </message>
        <message>
            <source>合計</source>
            <translation>Total</translation>
        </message>
    </context>
    <context>
        <name>IssueMatrixDialog</name>
        <message>
            <source>課題の一覧表（学区 × 分類）</source>
            <translation>Issue table (district × category)</translation>
        </message>
        <message>
            <source>未解決の課題だけ数える</source>
            <translation>Count open issues only</translation>
        </message>
        <message>
            <source>すべての年度</source>
            <translation>All fiscal years</translation>
        </message>
        <message>
            <source>提起した年度</source>
            <translation>Year raised</translation>
        </message>
        <message>
            <source>閉じる</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>課題の一覧表</source>
            <translation>Issue table</translation>
        </message>
        <message>
            <source>数字を押すと、その学区・分類の課題の一覧を開きます。</source>
            <translation>Click a number to open the list of issues of that district and category.</translation>
        </message>
    </context>
    <context>
        <name>IssueSource</name>
        <message>
            <source>会議</source>
            <translation>Meetings</translation>
        </message>
        <message>
            <source>住民の声</source>
            <translation>Residents' voices</translation>
        </message>
        <message>
            <source>職員</source>
            <translation>Staff</translation>
        </message>
        <message>
            <source>連絡会</source>
            <translation>Liaison</translation>
        </message>
    </context>
    <context>
        <name>IssueStatus</name>
        <message>
            <source>事業化</source>
            <translation>Became a project</translation>
        </message>
        <message>
            <source>取り下げ</source>
            <translation>Withdrawn</translation>
        </message>
        <message>
            <source>提起</source>
            <translation>Raised</translation>
        </message>
        <message>
            <source>検討中</source>
            <translation>Under study</translation>
        </message>
        <message>
            <source>継続検討</source>
            <translation>Further study</translation>
        </message>
        <message>
            <source>解決</source>
            <translation>Solved</translation>
        </message>
    </context>
    <context>
        <name>IssueStatusDialog</name>
        <message>
            <source>「{title}」（{district}）
今のステータス: {status}</source>
            <translation>"{title}" ({district})
Current status: {status}</translation>
        </message>
        <message>
            <source>「事業化」にするには、先に協働事業をこの課題に結び付けてください（一覧の「事業にする…」）。</source>
            <translation>To set "Became a project", first link a collaborative project to this issue ("Make a project…" in the list).</translation>
        </message>
        <message>
            <source>ステータス</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>優先度</source>
            <translation>Priority</translation>
        </message>
        <message>
            <source>内容</source>
            <translation>Content</translation>
        </message>
        <message>
            <source>地域課題</source>
            <translation>Regional issues</translation>
        </message>
        <message>
            <source>地域課題のステータス変更</source>
            <translation>Change issue status</translation>
        </message>
        <message>
            <source>課題名</source>
            <translation>Issue</translation>
        </message>
    </context>
    <context>
        <name>Issues</name>
        <message>
            <source>{to}（登録）</source>
            <translation>{to} (registered)</translation>
        </message>
        <message>
            <source>コメント</source>
            <translation>Comment</translation>
        </message>
        <message>
            <source>ステータス</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>優先度</source>
            <translation>Priority</translation>
        </message>
        <message>
            <source>共有</source>
            <translation>Shared</translation>
        </message>
        <message>
            <source>出どころ</source>
            <translation>Source</translation>
        </message>
        <message>
            <source>分類</source>
            <translation>Category</translation>
        </message>
        <message>
            <source>地域まちづくり連絡会で共有する課題</source>
            <translation>Issue shared at the liaison meeting</translation>
        </message>
        <message>
            <source>変更</source>
            <translation>Change</translation>
        </message>
        <message>
            <source>学区</source>
            <translation>District</translation>
        </message>
        <message>
            <source>提起日</source>
            <translation>Raised on</translation>
        </message>
        <message>
            <source>日付</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>記録者</source>
            <translation>Recorded by</translation>
        </message>
        <message>
            <source>課題名</source>
            <translation>Issue</translation>
        </message>
        <message>
            <source>連絡会</source>
            <translation>Liaison</translation>
        </message>
        <message>
            <source>関連する事業</source>
            <translation>Related projects</translation>
        </message>
    </context>
    <context>
        <name>IssuesPage</name>
        <message>
            <source>地域課題</source>
            <extracomment>The status filter's value for 未解決 (every open status).</extracomment>
            <translation>Regional issues</translation>
        </message>
        <message>
            <source>課題名・内容・分類で検索（ひらがな・カタカナ・全角半角を問わず）（Ctrl+F）</source>
            <translation>Search by issue, content or category (kana and character width do not matter) (Ctrl+F)</translation>
        </message>
        <message>
            <source>すべてのステータス</source>
            <translation>All statuses</translation>
        </message>
        <message>
            <source>すべての年度</source>
            <translation>All fiscal years</translation>
        </message>
        <message>
            <source>連絡会で共有する課題だけ</source>
            <translation>Only issues shared at the liaison meeting</translation>
        </message>
        <message>
            <source>分類で絞り込み</source>
            <translation>Filter by category</translation>
        </message>
        <message>
            <source>ステータスで絞り込み</source>
            <translation>Filter by status</translation>
        </message>
        <message>
            <source>提起した年度で絞り込み</source>
            <translation>Filter by year raised</translation>
        </message>
        <message>
            <source>課題の一覧表…</source>
            <translation>Issue table…</translation>
        </message>
        <message>
            <source>連絡会で共有</source>
            <translation>Share at the liaison meeting</translation>
        </message>
        <message numerus="yes">
            <source>%n件</source>
            <translation>
                <numerusform>%n issue</numerusform>
                <numerusform>%n issues</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n件以上</source>
            <translation>
                <numerusform>%n+ issues</numerusform>
                <numerusform>%n+ issues</numerusform>
            </translation>
        </message>
        <message>
            <source>事業にする…</source>
            <translation>Make a project…</translation>
        </message>
        <message>
            <source>ステータス変更…</source>
            <translation>Change status…</translation>
        </message>
        <message>
            <source>新規登録</source>
            <translation>New</translation>
        </message>
        <message>
            <source>未解決のみ</source>
            <translation>Open only</translation>
        </message>
        <message>
            <source>すべての分類</source>
            <translation>All categories</translation>
        </message>
        <message>
            <source>連絡会での共有をやめる</source>
            <translation>Stop sharing at the liaison meeting</translation>
        </message>
        <message>
            <source>協働事業を登録しました。この課題を「事業化」にするには、まず「検討中」にしてください。</source>
            <translation>The project was registered. To mark this issue as "Became a project", first set it to "Under study".</translation>
        </message>
        <message>
            <source>地域課題の削除</source>
            <translation>Delete issue</translation>
        </message>
        <message>
            <source>地域課題「{title}」を、履歴とともに削除しますか？
この操作は元に戻せません。もう扱わない課題は、ステータスを「取り下げ」にすると記録が残ります。</source>
            <translation>Delete the regional issue "{title}" with its history?
This cannot be undone. For an issue no longer dealt with, set its status to "Withdrawn" instead to keep the record.</translation>
        </message>
        <message>
            <source>削除</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>削除できません</source>
            <translation>Cannot delete</translation>
        </message>
    </context>
    <context>
        <name>LabelsPrintWindow</name>
        <message>
            <source>宛名ラベルを印刷</source>
            <translation>Print address labels</translation>
        </message>
        <message>
            <source>全員</source>
            <translation>Everyone</translation>
        </message>
        <message>
            <source>まだ回答のない方だけ</source>
            <translation>Only those who have not replied</translation>
        </message>
        <message>
            <source>宛名ラベルを印刷 — {title}</source>
            <translation>Print address labels — {title}</translation>
        </message>
        <message>
            <source>宛先</source>
            <translation>Recipients</translation>
        </message>
        <message>
            <source>学区（現任の全員）</source>
            <translation>District (all current members)</translation>
        </message>
        <message>
            <source>12面（86.4 × 42.3 mm）</source>
            <translation>12 per sheet (86.4 × 42.3 mm)</translation>
        </message>
        <message>
            <source>24面（66.0 × 33.9 mm）</source>
            <translation>24 per sheet (66.0 × 33.9 mm)</translation>
        </message>
        <message>
            <source>郵便番号順</source>
            <translation>By postal code</translation>
        </message>
        <message>
            <source>五十音順</source>
            <translation>By reading (gojūon)</translation>
        </message>
        <message>
            <source>ラベル用紙</source>
            <translation>Label sheet</translation>
        </message>
        <message>
            <source>並べ方</source>
            <translation>Order</translation>
        </message>
        <message>
            <source>開始位置</source>
            <translation>Start at label</translation>
        </message>
        <message>
            <source>使いかけの用紙は、最初に使うラベルの番号（左上が1）。</source>
            <translation>On a half-used sheet: the first free label (top left is 1).</translation>
        </message>
        <message>
            <source>上</source>
            <translation>Top</translation>
        </message>
        <message>
            <source>左</source>
            <translation>Left</translation>
        </message>
        <message>
            <source>上の余白</source>
            <translation>Top margin</translation>
        </message>
        <message>
            <source>左の余白</source>
            <translation>Left margin</translation>
        </message>
        <message>
            <source>余白</source>
            <translation>Margins</translation>
        </message>
        <message>
            <source>ずれるときは0.5mmずつ直します（用紙ごとに覚えます）。</source>
            <translation>Adjust in 0.5 mm steps if the print is off (remembered per sheet).</translation>
        </message>
        <message>
            <source>学区を選んでください。</source>
            <translation>Choose a district.</translation>
        </message>
        <message>
            <source>住所が登録されていない方（{names}）のラベルは作りません。</source>
            <translation>No labels for people without an address ({names}).</translation>
        </message>
    </context>
    <context>
        <name>LifeSupport</name>
        <message>
            <source>相談記録</source>
            <translation>Consultations</translation>
        </message>
        <message>
            <source>講座</source>
            <translation>Courses</translation>
        </message>
        <message>
            <source>起業者</source>
            <translation>Entrepreneurs</translation>
        </message>
        <message numerus="yes">
            <source>%n名</source>
            <translation>
                <numerusform>%n person</numerusform>
                <numerusform>%n people</numerusform>
            </translation>
        </message>
        <message>
            <source>事業名</source>
            <translation>Project name</translation>
        </message>
        <message>
            <source>会場</source>
            <translation>Venue</translation>
        </message>
        <message>
            <source>分野</source>
            <translation>Field</translation>
        </message>
        <message>
            <source>受講者</source>
            <translation>Participants</translation>
        </message>
        <message>
            <source>名簿</source>
            <translation>Members</translation>
        </message>
        <message>
            <source>名簿に登録あり</source>
            <translation>On the roster</translation>
        </message>
        <message>
            <source>名簿外</source>
            <translation>Not on the roster</translation>
        </message>
        <message>
            <source>学区</source>
            <translation>District</translation>
        </message>
        <message>
            <source>対応・つなぎ先</source>
            <translation>Response / referred to</translation>
        </message>
        <message>
            <source>氏名</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>相談内容</source>
            <translation>Consultation</translation>
        </message>
        <message>
            <source>相談日</source>
            <translation>Consulted on</translation>
        </message>
        <message>
            <source>相談者</source>
            <translation>Client</translation>
        </message>
        <message>
            <source>講座名</source>
            <translation>Course</translation>
        </message>
        <message>
            <source>起業日</source>
            <translation>Started on</translation>
        </message>
        <message>
            <source>開催日</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>（学区なし）</source>
            <translation>(no district)</translation>
        </message>
    </context>
    <context>
        <name>ListPage</name>
        <message>
            <source>{district}・{count}</source>
            <extracomment>How a page words its count: ``lambda n: self.tr("%n名", "", n)`` (English: "1 person", "2 people"). How far a lazily paged list loads on, after a save, to show and select the record just saved. How many rows a paged list measures to fit its columns. (district id, its name) as the last list load read them.</extracomment>
            <translation>{district} · {count}</translation>
        </message>
    </context>
    <context>
        <name>LoanDialog</name>
        <message>
            <source>資機材の貸出・予約</source>
            <translation>Lend or reserve equipment</translation>
        </message>
        <message>
            <source>（選んでください）</source>
            <translation>(please choose)</translation>
        </message>
        <message>
            <source>（なし）</source>
            <translation>(none)</translation>
        </message>
        <message>
            <source>（団体の学区）</source>
            <translation>(the organisation's district)</translation>
        </message>
        <message>
            <source>予約として登録する（まだ渡していない）</source>
            <translation>Register as a reservation (not handed over yet)</translation>
        </message>
        <message>
            <source>資機材</source>
            <translation>Equipment</translation>
        </message>
        <message>
            <source>数量</source>
            <translation>Quantity</translation>
        </message>
        <message>
            <source>貸出日</source>
            <translation>Lent on</translation>
        </message>
        <message>
            <source>返却予定日</source>
            <translation>Due back</translation>
        </message>
        <message>
            <source>借りる団体</source>
            <translation>Borrowing organisation</translation>
        </message>
        <message>
            <source>団体か人のどちらかは必ず選びます。</source>
            <translation>Choose either an organisation or a person.</translation>
        </message>
        <message>
            <source>担当者（借りる人）</source>
            <translation>Person borrowing</translation>
        </message>
        <message>
            <source>使う協働事業</source>
            <translation>Used by project</translation>
        </message>
        <message>
            <source>学区</source>
            <translation>District</translation>
        </message>
        <message>
            <source>備考</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>登録</source>
            <translation>Register</translation>
        </message>
        <message>
            <source>予約する</source>
            <translation>Reserve</translation>
        </message>
        <message>
            <source>この期間に貸し出せる数: {n}個（全{stock}個）</source>
            <translation>Available for this period: {n} (of {stock})</translation>
        </message>
        <message>
            <source>貸し出す資機材を選んでください。</source>
            <translation>Please choose the equipment to lend.</translation>
        </message>
        <message>
            <source>{item} {n}個　{who}
貸出 {lent}　返却予定 {due}</source>
            <translation>{item} × {n}  {who}
Lent {lent}  Due back {due}</translation>
        </message>
        <message>
            <source>変更後</source>
            <translation>After</translation>
        </message>
        <message>
            <source>資機材の返却</source>
            <translation>Return equipment</translation>
        </message>
        <message>
            <source>返却を記録</source>
            <translation>Record return</translation>
        </message>
        <message>
            <source>返却日</source>
            <translation>Returned on</translation>
        </message>
        <message>
            <source>例: 良好／破損あり: 脚が1本曲がっている</source>
            <translation>e.g. Good / Damaged: one leg is bent</translation>
        </message>
        <message>
            <source>傷・汚れ・足りない部品があれば、その内容も書きます。</source>
            <translation>If anything is scratched, dirty or missing, describe it too.</translation>
        </message>
        <message>
            <source>汚れあり</source>
            <translation>Dirty</translation>
        </message>
        <message>
            <source>状況</source>
            <translation>Situation</translation>
        </message>
        <message>
            <source>破損あり: </source>
            <translation>Damaged: </translation>
        </message>
        <message>
            <source>良好</source>
            <translation>Good</translation>
        </message>
        <message>
            <source>貸出記録</source>
            <translation>Loan record</translation>
        </message>
        <message>
            <source>返却時の状態</source>
            <translation>Condition on return</translation>
        </message>
        <message>
            <source>返却時の状態を入力してください。問題がなければ「良好」を選びます。</source>
            <translation>Please enter the condition on return. If nothing is wrong, choose "Good".</translation>
        </message>
        <message>
            <source>部品の不足あり: </source>
            <translation>Parts missing: </translation>
        </message>
    </context>
    <context>
        <name>LoanSlipDialog</name>
        <message>
            <source>貸出票を印刷</source>
            <translation>Print loan slip</translation>
        </message>
        <message>
            <source>{item} {n}個　{who}
{lent}〜{due}</source>
            <translation>{item} × {n}  {who}
{lent} – {due}</translation>
        </message>
    </context>
    <context>
        <name>LoanStatus</name>
        <message>
            <source>予約</source>
            <translation>Reservation</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>Cancel loan</translation>
        </message>
        <message>
            <source>貸出中</source>
            <translation>On loan</translation>
        </message>
        <message>
            <source>返却済</source>
            <translation>Returned</translation>
        </message>
    </context>
    <context>
        <name>LoansList</name>
        <message>
            <source>資機材名・借り手・備考で検索（Ctrl+F）</source>
            <translation>Search by equipment, borrower or notes (Ctrl+F)</translation>
        </message>
        <message>
            <source>予約・貸出中</source>
            <translation>Reserved or lent</translation>
        </message>
        <message>
            <source>期限切れだけ</source>
            <translation>Overdue only</translation>
        </message>
        <message>
            <source>すべての状態</source>
            <translation>All states</translation>
        </message>
        <message>
            <source>状態で絞り込み</source>
            <translation>Filter by state</translation>
        </message>
        <message>
            <source>資機材で絞り込み</source>
            <translation>Filter by equipment</translation>
        </message>
        <message>
            <source>貸出・予約…</source>
            <translation>Lend / reserve…</translation>
        </message>
        <message>
            <source>資機材の貸出</source>
            <translation>Equipment loan</translation>
        </message>
        <message numerus="yes">
            <source>%n件</source>
            <translation>
                <numerusform>%n loan</numerusform>
                <numerusform>%n loans</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>（うち期限切れ %n件）</source>
            <translation>
                <numerusform> (%n overdue)</numerusform>
                <numerusform> (%n overdue)</numerusform>
            </translation>
        </message>
        <message>
            <source>貸出票を印刷…</source>
            <translation>Print loan slip…</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>Cancel loan</translation>
        </message>
        <message>
            <source>受け渡し</source>
            <translation>Hand over</translation>
        </message>
        <message>
            <source>返却…</source>
            <translation>Return…</translation>
        </message>
        <message>
            <source>すべての資機材</source>
            <translation>All equipment</translation>
        </message>
        <message>
            <source>予約です。渡したときは「受け渡し」を押してください。</source>
            <translation>This is a reservation. Press "Hand over" when the items are handed over.</translation>
        </message>
        <message>
            <source>この貸出は「{status}」です。変更できるのは予約と貸出中だけです。</source>
            <translation>This loan is "{status}". Only reservations and current loans can be changed.</translation>
        </message>
        <message>
            <source>貸出の取消</source>
            <translation>Cancel loan</translation>
        </message>
        <message>
            <source>「{item}」{n}個（{who}、{lent}〜{due}）の{what}を取り消しますか？
取り消すと、その期間の在庫が空きに戻ります。</source>
            <translation>Cancel the {what} of "{item}" × {n} ({who}, {lent} – {due})?
The items become available again for that period.</translation>
        </message>
        <message>
            <source>予約</source>
            <translation>Reservation</translation>
        </message>
        <message>
            <source>貸出</source>
            <translation>Loan</translation>
        </message>
        <message>
            <source>取り消す</source>
            <translation>Cancel it</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>栄町 まちづくり協議会</source>
            <extracomment>``Qt.ItemDataRole.UserRole``'s value: where each navigation item keeps its page's key. Nothing the window does before its first paint names the ``Qt`` namespace: PySide builds all of its ~100 enums on first use (tens of ms of the start; tests/gui/test_lazy_start.py holds the line and this value). ``Qt.AlignmentFlag.AlignCenter``'s value (AlignHCenter | AlignVCenter), for the same reason.</extracomment>
            <translation>Sakae Town Community Councils</translation>
        </message>
        <message>
            <source>画面の一覧</source>
            <translation>Screens</translation>
        </message>
        <message>
            <source>学区</source>
            <translation>District</translation>
        </message>
        <message>
            <source>表示する学区(&amp;G):</source>
            <translation>District shown (&amp;G):</translation>
        </message>
        <message>
            <source>表示する学区</source>
            <translation>District shown</translation>
        </message>
        <message>
            <source>保存しました（{time}）</source>
            <translation>Saved ({time})</translation>
        </message>
        <message>
            <source>データファイルを開いています…</source>
            <translation>Opening the data file…</translation>
        </message>
        <message>
            <source>データ: {where}</source>
            <translation>Data: {where}</translation>
        </message>
        <message>
            <source>最終バックアップ: まだありません</source>
            <translation>Last backup: none yet</translation>
        </message>
        <message>
            <source>最終バックアップ: {date} {time}</source>
            <translation>Last backup: {date} {time}</translation>
        </message>
        <message>
            <source>ファイル(&amp;F)</source>
            <extracomment>The dashboard showing the first figures at program start, until the database is open.</extracomment>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>新規…</source>
            <translation>New…</translation>
        </message>
        <message>
            <source>開く…</source>
            <translation>Open…</translation>
        </message>
        <message>
            <source>最近使ったファイル</source>
            <translation>Recent files</translation>
        </message>
        <message>
            <source>終了</source>
            <translation>Quit</translation>
        </message>
        <message>
            <source>表示(&amp;V)</source>
            <translation>&amp;View</translation>
        </message>
        <message>
            <source>文字サイズ</source>
            <translation>Text size</translation>
        </message>
        <message>
            <source>大きくする</source>
            <translation>Larger</translation>
        </message>
        <message>
            <source>小さくする</source>
            <translation>Smaller</translation>
        </message>
        <message>
            <source>ヘルプ(&amp;H)</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>バージョン情報</source>
            <translation>About</translation>
        </message>
        <message>
            <source>データの保存場所</source>
            <translation>Where the data is stored</translation>
        </message>
        <message>
            <source>新しいデータファイル</source>
            <translation>New data file</translation>
        </message>
        <message>
            <source>データファイル (*.db)</source>
            <translation>Data files (*.db)</translation>
        </message>
        <message>
            <source>データファイルを開く</source>
            <translation>Open a data file</translation>
        </message>
        <message>
            <source>データファイル (*.db);;すべてのファイル (*)</source>
            <translation>Data files (*.db);;All files (*)</translation>
        </message>
        <message>
            <source>栄町 まちづくり協議会 運営支援プログラム
バージョン {version}

画面と印刷の文字: BIZ UDゴシック・明朝（SIL Open Font License）</source>
            <translation>Sakae Town Community Councils — support program
Version {version}

Screen and print fonts: BIZ UD Gothic / Mincho (SIL Open Font License)</translation>
        </message>
        <message>
            <source>データは次の場所に保存されています。
{where}</source>
            <translation>The data is stored here:
{where}</translation>
        </message>
        <message>
            <source>フォルダを開く</source>
            <translation>Open folder</translation>
        </message>
        <message>
            <source>閉じる</source>
            <translation>Close</translation>
        </message>
    </context>
    <context>
        <name>Manual</name>
        <message>
            <source>第{n}章 {title}</source>
            <extracomment>Role under which every item returns its ManualSectionDTO.</extracomment>
            <translation>Chapter {n} {title}</translation>
        </message>
        <message>
            <source>第{n}版</source>
            <translation>Version {n}</translation>
        </message>
    </context>
    <context>
        <name>ManualFinder</name>
        <message>
            <source>検索結果</source>
            <extracomment>A hit was chosen (click, Enter). Whether there is a search to show: the page shows the hits in the tree's place while there is.</extracomment>
            <translation>Search results</translation>
        </message>
        <message>
            <source>マニュアル全体を検索（Ctrl+F）</source>
            <translation>Search the whole manual (Ctrl+F)</translation>
        </message>
        <message>
            <source>検索欄を空にすると（Esc）章と節の一覧に戻ります。</source>
            <translation>Clear the search field (Esc) to go back to the chapters and sections.</translation>
        </message>
        <message numerus="yes">
            <source>「{q}」: %n件</source>
            <translation>
                <numerusform>"{q}": %n</numerusform>
                <numerusform>"{q}": %n</numerusform>
            </translation>
        </message>
        <message>
            <source>「{q}」は見つかりませんでした。</source>
            <translation>"{q}" was not found.</translation>
        </message>
    </context>
    <context>
        <name>ManualHistoryDialog</name>
        <message>
            <source>保存履歴 — {title}</source>
            <extracomment>再読み込み after a conflict: the section as saved now.</extracomment>
            <translation>Saved versions — {title}</translation>
        </message>
        <message>
            <source>版</source>
            <translation>Version</translation>
        </message>
        <message>
            <source>保存日時</source>
            <translation>Saved at</translation>
        </message>
        <message>
            <source>保存した人</source>
            <translation>Saved by</translation>
        </message>
        <message>
            <source>変更の要約</source>
            <translation>Summary of the change</translation>
        </message>
        <message>
            <source>比較元の版</source>
            <translation>Compare from</translation>
        </message>
        <message>
            <source>比較先の版</source>
            <translation>Compare to</translation>
        </message>
        <message>
            <source>比較:</source>
            <translation>Compare:</translation>
        </message>
        <message>
            <source>→</source>
            <translation>→</translation>
        </message>
        <message>
            <source>選んだ版に戻す…</source>
            <translation>Restore the chosen version…</translation>
        </message>
        <message>
            <source>選んだ版の見出しと本文を、新しい版として保存し直します</source>
            <translation>Saves the chosen version's heading and text again as a new version</translation>
        </message>
        <message>
            <source>閉じる</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>{label}（{summary}）</source>
            <translation>{label} ({summary})</translation>
        </message>
        <message>
            <source>版を戻す</source>
            <translation>Restore version</translation>
        </message>
        <message>
            <source>「{title}」を{label}（{summary}）の内容に戻しますか？
今の内容も履歴に残るので、後からまた戻せます。</source>
            <translation>Restore "{title}" to {label} ({summary})?
The current text stays in the history, so you can come back to it later.</translation>
        </message>
        <message>
            <source>戻す</source>
            <translation>Restore</translation>
        </message>
        <message>
            <source>マニュアルの項目</source>
            <translation>Manual entry</translation>
        </message>
        <message>
            <source>戻そうとした版（{label}）</source>
            <translation>The version you tried to restore ({label})</translation>
        </message>
        <message>
            <source>戻せませんでした</source>
            <translation>Could not restore</translation>
        </message>
    </context>
    <context>
        <name>ManualOutline</name>
        <message>
            <source>章と節</source>
            <extracomment>The user moved to another item in the tree (the section's id). ▲ (-1) or ▼ (+1). A drag and drop: (section id, new parent id or None, position among the new siblings).</extracomment>
            <translation>Chapters and sections</translation>
        </message>
        <message>
            <source>章を追加</source>
            <translation>Add chapter</translation>
        </message>
        <message>
            <source>節を追加</source>
            <translation>Add section</translation>
        </message>
        <message>
            <source>▲ 上へ</source>
            <translation>▲ Up</translation>
        </message>
        <message>
            <source>▼ 下へ</source>
            <translation>▼ Down</translation>
        </message>
        <message>
            <source>削除…</source>
            <translation>Delete…</translation>
        </message>
        <message>
            <source>上へ移動</source>
            <translation>Move up</translation>
        </message>
        <message>
            <source>下へ移動</source>
            <translation>Move down</translation>
        </message>
        <message>
            <source>項目はドラッグして並べ替えたり、別の章の中へ移したりできます。</source>
            <translation>Drag items to reorder them or to move them into another chapter.</translation>
        </message>
    </context>
    <context>
        <name>ManualPage</name>
        <message>
            <source>協働マニュアル</source>
            <translation>Collaboration manual</translation>
        </message>
        <message>
            <source>冊子を印刷…</source>
            <translation>Print booklet…</translation>
        </message>
        <message>
            <source>版を発行…</source>
            <translation>Publish edition…</translation>
        </message>
        <message>
            <source>見出し</source>
            <translation>Heading</translation>
        </message>
        <message>
            <source>本文</source>
            <translation>Text</translation>
        </message>
        <message>
            <source>マニュアル</source>
            <translation>Manual</translation>
        </message>
        <message>
            <source>研修の記録</source>
            <translation>Training records</translation>
        </message>
        <message>
            <source>職員地域活動</source>
            <translation>Staff community activities</translation>
        </message>
        <message>
            <source>最新の版: {label}（{date}発行）</source>
            <translation>Latest edition: {label} (published {date})</translation>
        </message>
        <message>
            <source>まだ版を発行していません</source>
            <translation>No version published yet</translation>
        </message>
        <message>
            <source>{chapters}章・{sections}節　{latest}</source>
            <translation>{chapters} chapters, {sections} sections  {latest}</translation>
        </message>
        <message>
            <source>保存していない変更</source>
            <translation>Unsaved changes</translation>
        </message>
        <message>
            <source>「{title}」の変更はまだ保存していません。
変更を捨てて移りますか？</source>
            <translation>The changes to "{title}" are not saved yet.
Discard them and move on?</translation>
        </message>
        <message>
            <source>変更を捨てる</source>
            <translation>Discard changes</translation>
        </message>
        <message>
            <source>「{title}」を第{n}版として保存しました。</source>
            <translation>"{title}" was saved as version {n}.</translation>
        </message>
        <message>
            <source>「{title}」を以前の内容に戻しました（第{n}版）。</source>
            <translation>"{title}" was restored to an earlier text (version {n}).</translation>
        </message>
        <message>
            <source>移動できませんでした</source>
            <translation>Could not move</translation>
        </message>
        <message numerus="yes">
            <source>その下の%n項目も一緒に削除されます。
</source>
            <translation>
                <numerusform>The %n item under it is deleted as well.
</numerusform>
                <numerusform>The %n items under it are deleted as well.
</numerusform>
            </translation>
        </message>
        <message>
            <source>章・節の削除</source>
            <translation>Delete chapter or section</translation>
        </message>
        <message>
            <source>「{label}」を削除しますか？
{extra}保存履歴も消え、元に戻せません（発行済みの版には残ります）。</source>
            <translation>Delete "{label}"?
{extra}Its saved history goes too and it cannot be undone (published versions keep it).</translation>
        </message>
        <message>
            <source>削除</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>「{label}」を削除しました。</source>
            <translation>"{label}" was deleted.</translation>
        </message>
        <message>
            <source>{label}を発行しました。「冊子を印刷…」からPDFにできます。</source>
            <translation>{label} has been published. Use "Print booklet…" to make a PDF of it.</translation>
        </message>
    </context>
    <context>
        <name>ManualPrintDialog</name>
        <message>
            <source>冊子を印刷</source>
            <translation>Print booklet</translation>
        </message>
        <message>
            <source>{label}（{date}発行）</source>
            <translation>{label} (published {date})</translation>
        </message>
        <message>
            <source>今の原稿（未発行）</source>
            <translation>Current draft (unpublished)</translation>
        </message>
        <message>
            <source>印刷する版</source>
            <translation>Version to print</translation>
        </message>
        <message>
            <source>発行した版は、発行したときの内容で印刷されます。</source>
            <translation>A published edition prints as it was when published.</translation>
        </message>
        <message>
            <source>第{n}版</source>
            <translation>Version {n}</translation>
        </message>
        <message>
            <source>原稿_{date}</source>
            <translation>draft_{date}</translation>
        </message>
        <message>
            <source>協働マニュアル_{which}.pdf</source>
            <translation>collaboration_manual_{which}.pdf</translation>
        </message>
    </context>
    <context>
        <name>ManualPublishDialog</name>
        <message>
            <source>版を発行</source>
            <translation>Publish edition</translation>
        </message>
        <message>
            <source>今のマニュアルを第{number}版として発行します。発行した版の内容と冊子は、その後マニュアルを書き換えても変わりません。</source>
            <translation>Publishes the current manual as edition {number}. A published edition and its booklet do not change when the manual is edited later.</translation>
        </message>
        <message>
            <source>前の版: {label}（{title}）</source>
            <translation>Previous version: {label} ({title})</translation>
        </message>
        <message>
            <source>編集中でまだ保存していない変更は、この版に含まれません。含めるときは、先に保存してください。</source>
            <translation>Unsaved changes you are making are not included in this edition. Save them first to include them.</translation>
        </message>
        <message>
            <source>協働マニュアル 第{number}版</source>
            <translation>Collaboration manual, edition {number}</translation>
        </message>
        <message>
            <source>発行日</source>
            <translation>Published on</translation>
        </message>
        <message>
            <source>版の表題</source>
            <translation>Edition title</translation>
        </message>
        <message>
            <source>空欄のときは「協働マニュアル 第N版」になります。</source>
            <translation>If left empty, "Collaboration manual, edition N" is used.</translation>
        </message>
        <message>
            <source>発行</source>
            <translation>Publish</translation>
        </message>
        <message>
            <source>発行日を入力してください。</source>
            <translation>Please enter the publication date.</translation>
        </message>
    </context>
    <context>
        <name>ManualSaveDialog</name>
        <message>
            <source>変更を保存</source>
            <extracomment>再読み込み after a conflict: (the section as saved now, what to tell the user).</extracomment>
            <translation>Save changes</translation>
        </message>
        <message>
            <source>「{path}」を第{number}版として保存します。</source>
            <translation>Saves "{path}" as version {number}.</translation>
        </message>
        <message>
            <source>例: 連絡先の課名を更新</source>
            <translation>e.g. Updated the division name in the contacts</translation>
        </message>
        <message>
            <source>変更の要約（1行）</source>
            <translation>Summary of the change (one line)</translation>
        </message>
        <message>
            <source>何をなぜ変えたかを短く書きます。履歴の一覧に表示されます。</source>
            <translation>Say briefly what you changed and why. It is shown in the history list.</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>マニュアルの項目</source>
            <translation>Manual entry</translation>
        </message>
    </context>
    <context>
        <name>ManualSectionDialog</name>
        <message>
            <source>章を追加</source>
            <translation>Add chapter</translation>
        </message>
        <message>
            <source>節を追加</source>
            <translation>Add section</translation>
        </message>
        <message>
            <source>マニュアルの最後に新しい章を加えます。章の番号は並び順で自動的に付きます。</source>
            <translation>Adds a new chapter at the end of the manual. Chapters are numbered automatically in order.</translation>
        </message>
        <message>
            <source>「{path}」の最後に新しい節を加えます。</source>
            <translation>Adds a new section at the end of "{path}".</translation>
        </message>
        <message>
            <source>例: 協働事業の広報</source>
            <translation>e.g. Publicity for collaborative projects</translation>
        </message>
        <message>
            <source>例: 8-1 広報紙への掲載</source>
            <translation>e.g. 8-1 Publishing in the newsletter</translation>
        </message>
        <message>
            <source>見出し</source>
            <translation>Heading</translation>
        </message>
        <message>
            <source>追加</source>
            <translation>Add</translation>
        </message>
    </context>
    <context>
        <name>ManualTreeModel</name>
        <message>
            <source>{path}（{revision}）</source>
            <translation>{path} ({revision})</translation>
        </message>
        <message>
            <source>章・節</source>
            <translation>Chapter / section</translation>
        </message>
    </context>
    <context>
        <name>MarkdownEditor</name>
        <message>
            <source>本文（Markdown）</source>
            <translation>Text (Markdown)</translation>
        </message>
        <message>
            <source>本文を入力します。行頭の「- 」で箇条書き、「1. 」で番号付き、「- [ ] 」でチェック項目、**太字**、*強調* になります。</source>
            <translation>Type the text. Start a line with "- " for a bullet, "1. " for a numbered item, "- [ ] " for a checkbox; **bold**, *emphasis*.</translation>
        </message>
        <message>
            <source>プレビュー</source>
            <translation>Preview</translation>
        </message>
        <message>
            <source>太字</source>
            <translation>Bold</translation>
        </message>
        <message>
            <source>選んだ文字を **太字** にします</source>
            <translation>Makes the chosen text **bold**</translation>
        </message>
        <message>
            <source>箇条書き</source>
            <translation>Bullets</translation>
        </message>
        <message>
            <source>行の先頭に「- 」を付けます</source>
            <translation>Puts "- " at the start of the line</translation>
        </message>
        <message>
            <source>番号付き</source>
            <translation>Numbered</translation>
        </message>
        <message>
            <source>行の先頭に「1. 」を付けます</source>
            <translation>Puts "1. " at the start of the line</translation>
        </message>
        <message>
            <source>チェック</source>
            <translation>Check</translation>
        </message>
        <message>
            <source>行の先頭に「- [ ] 」を付けます（冊子では□になります）</source>
            <translation>Puts "- [ ] " at the start of the line (a □ in the booklet)</translation>
        </message>
        <message>
            <source>表</source>
            <translation>Table</translation>
        </message>
        <message>
            <source>2列の表のひな形を入れます</source>
            <translation>Inserts a two-column table template</translation>
        </message>
        <message>
            <source>プレビューを表示</source>
            <translation>Show preview</translation>
        </message>
        <message>
            <source>| 項目 | 内容 |
|---|---|
| | |
</source>
            <translation>| Item | Content |
|---|---|
| | |
</translation>
        </message>
    </context>
    <context>
        <name>MeetingConflict</name>
        <message numerus="yes">
            <source>%n名</source>
            <translation>
                <numerusform>%n person</numerusform>
                <numerusform>%n people</numerusform>
            </translation>
        </message>
        <message>
            <source>いま保存されている議事録は確定済み（第{n}版）のため、上書きできません。「再読み込み」で保存されている内容を表示し、変更が必要なら「修正する」から理由を添えて修正してください。</source>
            <translation>The saved minutes are approved (version {n}) and cannot be overwritten. Use "Reload" to show what is saved; if changes are needed, use "Revise" and give a reason.</translation>
        </message>
        <message>
            <source>傍聴者の人数</source>
            <translation>Number of observers</translation>
        </message>
        <message>
            <source>宿題事項</source>
            <translation>Action item</translation>
        </message>
        <message>
            <source>結果</source>
            <translation>Result</translation>
        </message>
        <message>
            <source>説明者</source>
            <translation>Speaker</translation>
        </message>
        <message>
            <source>議事録</source>
            <translation>Minutes</translation>
        </message>
        <message>
            <source>（なし）</source>
            <translation>(none)</translation>
        </message>
    </context>
    <context>
        <name>MeetingEditor</name>
        <message>
            <source>会議・議事録の編集</source>
            <translation>Edit meeting &amp; minutes</translation>
        </message>
        <message>
            <source>開催日</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>年度が変わると、その年度の第何回かに付け直します。</source>
            <translation>If the fiscal year changes, the meeting is renumbered within that year.</translation>
        </message>
        <message>
            <source>開始時刻</source>
            <translation>Start time</translation>
        </message>
        <message>
            <source>終了時刻</source>
            <translation>End time</translation>
        </message>
        <message>
            <source>場所</source>
            <translation>Place</translation>
        </message>
        <message>
            <source>議長</source>
            <translation>Chairperson</translation>
        </message>
        <message>
            <source>記録者</source>
            <translation>Recorded by</translation>
        </message>
        <message>
            <source>出欠が「出席」か「代理」の方から選びます。</source>
            <translation>Choose from those marked "Present" or "Proxy".</translation>
        </message>
        <message>
            <source>議事録署名人（1人目）</source>
            <translation>Minutes signatory (first)</translation>
        </message>
        <message>
            <source>議事録署名人（2人目）</source>
            <translation>Minutes signatory (second)</translation>
        </message>
        <message>
            <source>日時・役割</source>
            <translation>Date and role</translation>
        </message>
        <message>
            <source>出欠</source>
            <translation>Attendance</translation>
        </message>
        <message>
            <source>議題（報告事項・協議事項・その他）</source>
            <translation>Agenda (reports, matters for discussion, other)</translation>
        </message>
        <message>
            <source>議題を追加</source>
            <translation>Add agenda item</translation>
        </message>
        <message>
            <source>議題</source>
            <translation>Agenda</translation>
        </message>
        <message>
            <source>決定事項</source>
            <translation>Decisions</translation>
        </message>
        <message>
            <source>1行に1件ずつ書きます。</source>
            <translation>Write one item per line.</translation>
        </message>
        <message>
            <source>決定事項・宿題</source>
            <translation>Decisions and action items</translation>
        </message>
        <message>
            <source>配布資料</source>
            <translation>Handouts</translation>
        </message>
        <message>
            <source>今後の予定・次回</source>
            <translation>Next steps / next time</translation>
        </message>
        <message>
            <source>配布資料・次回</source>
            <translation>Handouts and next meeting</translation>
        </message>
        <message>
            <source>印刷…</source>
            <translation>Print…</translation>
        </message>
        <message>
            <source>確定…</source>
            <translation>Approve…</translation>
        </message>
        <message>
            <source>修正する</source>
            <translation>Revise</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>閉じる</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>{title}（{date}）</source>
            <translation>{title} ({date})</translation>
        </message>
        <message>
            <source>版の記録:</source>
            <translation>Versions:</translation>
        </message>
        <message>
            <source>第{n}版 {date} {who} — {reason}</source>
            <translation>Version {n} {date} {who} — {reason}</translation>
        </message>
        <message>
            <source>（未定）</source>
            <translation>(undecided)</translation>
        </message>
        <message>
            <source>［欠席］</source>
            <translation>[absent]</translation>
        </message>
        <message>
            <source>確定（第{n}版）　確定日 {date}</source>
            <translation>Approved (version {n})  approved on {date}</translation>
        </message>
        <message>
            <source>　— 変更するときは「修正する」を押してください。</source>
            <translation> — To change it, press "Revise".</translation>
        </message>
        <message>
            <source>　— 修正中です。保存すると第{n}版になります。</source>
            <translation> — Being revised. Saving makes it version {n}.</translation>
        </message>
        <message>
            <source>下書き — まだ確定していません。印刷すると「下書き」と入ります。</source>
            <translation>Draft — not approved yet. Printouts are marked "Draft".</translation>
        </message>
        <message>
            <source>修正を保存…</source>
            <translation>Save revision…</translation>
        </message>
        <message>
            <source>開催日を入力してください。</source>
            <translation>Please enter the date of the meeting.</translation>
        </message>
    </context>
    <context>
        <name>MeetingFields</name>
        <message>
            <source>時刻は「19:00」や「19時30分」のように入力してください。</source>
            <translation>Enter times like "19:00" or "19時30分".</translation>
        </message>
    </context>
    <context>
        <name>MeetingPrintDialog</name>
        <message>
            <source>印刷 — {title}</source>
            <translation>Print — {title}</translation>
        </message>
        <message>
            <source>次第（会議の前に配る）</source>
            <translation>Agenda (handed out before the meeting)</translation>
        </message>
        <message>
            <source>出席簿（署名欄つき）</source>
            <translation>Attendance sheet (with signature column)</translation>
        </message>
        <message>
            <source>議事録</source>
            <translation>Minutes</translation>
        </message>
        <message>
            <source>印刷するもの</source>
            <translation>What to print</translation>
        </message>
        <message>
            <source>議事録の版</source>
            <translation>Versions of the minutes</translation>
        </message>
        <message>
            <source>下書き（「下書き」と入ります）</source>
            <translation>Draft (marked "Draft")</translation>
        </message>
        <message>
            <source>最新（第{n}版）</source>
            <translation>Latest (version {n})</translation>
        </message>
        <message>
            <source>第{n}版 — {reason}</source>
            <translation>Version {n} — {reason}</translation>
        </message>
        <message>
            <source>・{field}: {chars}</source>
            <translation>• {field}: {chars}</translation>
        </message>
        <message>
            <source>次の文字は、この機械にある字形では印刷できず空白になります。IPAmj明朝を入れると印刷できます。
{lines}</source>
            <translation>These characters cannot be printed with the fonts on this computer and will be left blank. Installing IPAmj Mincho makes them printable.
{lines}</translation>
        </message>
    </context>
    <context>
        <name>MeetingTables</name>
        <message>
            <source>{label}（第{n}版）</source>
            <translation>{label} (version {n})</translation>
        </message>
        <message>
            <source>{label}（賛成{a}・反対{b}）</source>
            <translation>{label} (for {a}, against {b})</translation>
        </message>
        <message>
            <source>まだ確定していません</source>
            <translation>Not approved yet</translation>
        </message>
        <message>
            <source>会議体</source>
            <translation>Body</translation>
        </message>
        <message>
            <source>内容</source>
            <translation>Content</translation>
        </message>
        <message>
            <source>出た会議</source>
            <translation>Meeting where it came up</translation>
        </message>
        <message>
            <source>区分</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>回</source>
            <translation>No.</translation>
        </message>
        <message>
            <source>場所</source>
            <translation>Place</translation>
        </message>
        <message>
            <source>担当</source>
            <translation>In charge</translation>
        </message>
        <message>
            <source>時間</source>
            <translation>Hours</translation>
        </message>
        <message>
            <source>期限</source>
            <translation>Due</translation>
        </message>
        <message>
            <source>確定日 {date}</source>
            <translation>Approved on {date}</translation>
        </message>
        <message>
            <source>結果</source>
            <translation>Result</translation>
        </message>
        <message>
            <source>説明者</source>
            <translation>Speaker</translation>
        </message>
        <message>
            <source>議事録</source>
            <translation>Minutes</translation>
        </message>
        <message>
            <source>議題</source>
            <translation>Agenda</translation>
        </message>
        <message>
            <source>開催日</source>
            <translation>Date</translation>
        </message>
    </context>
    <context>
        <name>MeetingsPage</name>
        <message>
            <source>会議・議事録</source>
            <translation>Meetings &amp; minutes</translation>
        </message>
        <message>
            <source>会議体・場所・回で検索（Ctrl+F）</source>
            <translation>Search by body, place or number (Ctrl+F)</translation>
        </message>
        <message>
            <source>下書きも確定も</source>
            <translation>Drafts and approved</translation>
        </message>
        <message>
            <source>会議体で絞り込み</source>
            <translation>Filter by body</translation>
        </message>
        <message>
            <source>年度で絞り込み</source>
            <translation>Filter by fiscal year</translation>
        </message>
        <message>
            <source>議事録の状態で絞り込み</source>
            <translation>Filter by state of the minutes</translation>
        </message>
        <message>
            <source>カレンダーに書き出す…</source>
            <translation>Export to calendar…</translation>
        </message>
        <message>
            <source>印刷…</source>
            <translation>Print…</translation>
        </message>
        <message>
            <source>新規登録</source>
            <translation>New</translation>
        </message>
        <message>
            <source>出欠回答…</source>
            <translation>Replies…</translation>
        </message>
        <message>
            <source>開催通知を印刷…</source>
            <translation>Print meeting notice…</translation>
        </message>
        <message>
            <source>宛名ラベルを印刷…</source>
            <translation>Print address labels…</translation>
        </message>
        <message>
            <source>すべての会議体</source>
            <translation>All bodies</translation>
        </message>
        <message>
            <source>すべての年度</source>
            <translation>All fiscal years</translation>
        </message>
        <message numerus="yes">
            <source>%n件</source>
            <translation>
                <numerusform>%n meeting</numerusform>
                <numerusform>%n meetings</numerusform>
            </translation>
        </message>
        <message>
            <source>会議を一覧から選んでください。</source>
            <translation>Choose a meeting in the list.</translation>
        </message>
        <message numerus="yes">
            <source>これからの会議%n件を書き出しました。職員のカレンダーに取り込めます。
{path}</source>
            <translation>
                <numerusform>Exported %n upcoming meeting. Staff can import it into their calendars.
{path}</numerusform>
                <numerusform>Exported %n upcoming meetings. Staff can import them into their calendars.
{path}</numerusform>
            </translation>
        </message>
        <message>
            <source>「{title}」は議事録が確定しているため削除できません。</source>
            <translation>"{title}" cannot be deleted because its minutes are approved.</translation>
        </message>
        <message>
            <source>会議の削除</source>
            <translation>Delete meeting</translation>
        </message>
        <message>
            <source>「{title}」（{date}）を、出欠・議題・議事録ごと削除しますか？
この操作は元に戻せません。</source>
            <translation>Delete "{title}" ({date}) with its attendance, agenda and minutes?
This cannot be undone.</translation>
        </message>
        <message>
            <source>削除</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>印刷する会議を一覧から選んでください。</source>
            <translation>Choose the meeting to print in the list.</translation>
        </message>
        <message>
            <source>カレンダーに書き出す</source>
            <translation>Export to calendar</translation>
        </message>
        <message>
            <source>会議予定.ics</source>
            <translation>meetings.ics</translation>
        </message>
        <message>
            <source>iCalendar (*.ics)</source>
            <translation>iCalendar (*.ics)</translation>
        </message>
        <message>
            <source>カレンダーのファイルを保存できませんでした。保存先を確かめてください。</source>
            <translation>Could not save the calendar file. Check where it is being saved.</translation>
        </message>
        <message>
            <source>カレンダーに書き出しました</source>
            <translation>Exported to a calendar file</translation>
        </message>
    </context>
    <context>
        <name>MemberRole</name>
        <message>
            <source>NPO・団体</source>
            <translation>NPO / group</translation>
        </message>
        <message>
            <source>その他</source>
            <translation>Other</translation>
        </message>
        <message>
            <source>ふれあい推進員</source>
            <translation>Community promoter</translation>
        </message>
        <message>
            <source>事業者</source>
            <translation>Business</translation>
        </message>
        <message>
            <source>地区担当職員</source>
            <translation>District staff</translation>
        </message>
        <message>
            <source>学校・PTA</source>
            <translation>School / PTA</translation>
        </message>
        <message>
            <source>町からの公職</source>
            <translation>Public post from the town</translation>
        </message>
    </context>
    <context>
        <name>MembershipDialog</name>
        <message>
            <source>委嘱の編集</source>
            <extracomment>The 役職 choice meaning "no officer post" (stored as OfficerPost.MEMBER, printed 委員 on the roster).</extracomment>
            <translation>Edit appointment</translation>
        </message>
        <message>
            <source>委嘱の追加</source>
            <translation>Add appointment</translation>
        </message>
        <message>
            <source>学区</source>
            <translation>District</translation>
        </message>
        <message>
            <source>役割</source>
            <translation>Role</translation>
        </message>
        <message>
            <source>公職名</source>
            <translation>Public post</translation>
        </message>
        <message>
            <source>町からの公職の方だけ。例: 民生委員・児童委員、自治会長</source>
            <translation>Only for public posts from the town, e.g. welfare commissioner, residents' association head</translation>
        </message>
        <message>
            <source>役職</source>
            <translation>Post</translation>
        </message>
        <message>
            <source>会長・副会長などの役職がなければ「—」のままにします。</source>
            <translation>Leave it at “—” unless the person holds a post such as chair or vice-chair.</translation>
        </message>
        <message>
            <source>委嘱日</source>
            <translation>Appointed on</translation>
        </message>
        <message>
            <source>任期（始め）</source>
            <translation>Term (start)</translation>
        </message>
        <message>
            <source>任期（終わり）</source>
            <translation>Term (end)</translation>
        </message>
        <message>
            <source>退任日</source>
            <translation>Left office on</translation>
        </message>
        <message>
            <source>任期の途中でやめた日。退任しても記録は履歴として残ります。</source>
            <translation>The date they left before the end of the term. The record is kept as history.</translation>
        </message>
        <message>
            <source>学区を選んでください</source>
            <translation>Choose a district</translation>
        </message>
        <message>
            <source>学区を選んでください。学区がないときは「設定」で登録してください。</source>
            <translation>Please choose a district. If there is none, register one in "Settings".</translation>
        </message>
        <message>
            <source>町からの公職の方は、公職名（例: 民生委員・児童委員）を入力してください。</source>
            <translation>For a public post from the town, enter the post (e.g. welfare commissioner).</translation>
        </message>
        <message>
            <source>任期の終わりが始まりより前になっています。日付を確認してください。</source>
            <translation>The end of the term is before its start. Please check the dates.</translation>
        </message>
        <message>
            <source>退任日が任期の始まりより前になっています。日付を確認してください。</source>
            <translation>The date of leaving is before the start of the term. Please check the dates.</translation>
        </message>
    </context>
    <context>
        <name>Memberships</name>
        <message>
            <source>任期</source>
            <translation>Term</translation>
        </message>
        <message>
            <source>学区</source>
            <translation>District</translation>
        </message>
        <message>
            <source>役割</source>
            <translation>Role</translation>
        </message>
        <message>
            <source>役職</source>
            <translation>Post</translation>
        </message>
        <message>
            <source>状況</source>
            <translation>Situation</translation>
        </message>
        <message>
            <source>（退任 {date}）</source>
            <translation> (left office {date})</translation>
        </message>
    </context>
    <context>
        <name>MembershipsEditor</name>
        <message>
            <source>委嘱（学区・役割・役職・任期）</source>
            <translation>Appointments (district, role, post, term)</translation>
        </message>
        <message>
            <source>委嘱を追加</source>
            <translation>Add appointment</translation>
        </message>
        <message>
            <source>編集</source>
            <translation>Edit</translation>
        </message>
        <message>
            <source>行を削除</source>
            <translation>Delete row</translation>
        </message>
        <message>
            <source>退任したときは「編集」で退任日を入れてください。記録は履歴として残ります。</source>
            <translation>When someone leaves office, enter the date in "Edit". The record is kept as history.</translation>
        </message>
        <message>
            <source>委嘱の削除</source>
            <translation>Delete appointment</translation>
        </message>
        <message>
            <source>「{district} {role}」の記録を消しますか？
入力の誤りを消すときだけ使います。退任したときは「編集」で退任日を入れると、履歴として残ります。</source>
            <translation>Erase the record "{district} {role}"?
Use this only to remove a mistake. When someone leaves office, enter the date in "Edit" instead, so the history is kept.</translation>
        </message>
        <message>
            <source>記録を消す</source>
            <translation>Erase record</translation>
        </message>
    </context>
    <context>
        <name>MergeDialog</name>
        <message>
            <source>学区の統合（学区再編）</source>
            <translation>Merge districts (redistricting)</translation>
        </message>
        <message>
            <source>統合する学区の、任期中の委嘱は統合日で終わり、統合先で同じ役割の委嘱が始まります（役職は委員になります）。地域課題・協働事業・会議体（議事録）・団体・貸出中の資機材は統合先に移ります。統合する学区の記録は「統合済み」として残り、いつ何が移ったかは下の「学区再編の記録」で確かめられます。</source>
            <translation>Current appointments in the merged district end on the merge date, and appointments with the same role start in the remaining district (as ordinary members). Regional issues, projects, bodies (with minutes), organisations and equipment on loan move to the remaining district. The merged district's records stay, marked "Merged"; "Redistricting history" below shows what moved when.</translation>
        </message>
        <message>
            <source>統合する学区（なくなる学区）</source>
            <translation>District to merge (goes away)</translation>
        </message>
        <message>
            <source>統合先の学区（残る学区）</source>
            <translation>District it goes into (remains)</translation>
        </message>
        <message>
            <source>統合日</source>
            <translation>Merge date</translation>
        </message>
        <message>
            <source>統合する</source>
            <translation>Merge</translation>
        </message>
        <message>
            <source>統合日を入力してください。</source>
            <translation>Please enter the merge date.</translation>
        </message>
        <message>
            <source>統合する学区と統合先を選んでください。</source>
            <translation>Choose the district to merge and the district it goes into.</translation>
        </message>
        <message>
            <source>学区の統合</source>
            <translation>Merge districts</translation>
        </message>
        <message>
            <source>「{source}」を「{target}」に統合します（{date}）。
この操作は元に戻せません。よろしいですか？</source>
            <translation>Merge "{source}" into "{target}" ({date}).
This cannot be undone. Continue?</translation>
        </message>
    </context>
    <context>
        <name>MessageLine</name>
        <message>
            <source>エラー</source>
            <translation>Error</translation>
        </message>
        <message>
            <source>注意</source>
            <translation>Caution</translation>
        </message>
    </context>
    <context>
        <name>Messages</name>
        <message>
            <source>できませんでした</source>
            <translation>Could not do that</translation>
        </message>
        <message>
            <source>キャンセル</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>保存していない変更</source>
            <translation>Unsaved changes</translation>
        </message>
        <message>
            <source>保存していない変更があります。保存せずに閉じますか？</source>
            <translation>There are unsaved changes. Close without saving?</translation>
        </message>
        <message>
            <source>保存せずに閉じる</source>
            <translation>Close without saving</translation>
        </message>
        <message>
            <source>思わぬエラーが起きました。もう一度試しても直らないときは、ログファイルを担当者に渡してください。</source>
            <translation>An unexpected error occurred. If trying again does not help, give the log file to the person in charge.</translation>
        </message>
        <message>
            <source>戻る</source>
            <translation>Go back</translation>
        </message>
    </context>
    <context>
        <name>MilestoneDialog</name>
        <message>
            <source>工程</source>
            <translation>Milestones</translation>
        </message>
        <message>
            <source>工程名</source>
            <translation>Milestone</translation>
        </message>
        <message>
            <source>期日</source>
            <translation>Due</translation>
        </message>
        <message>
            <source>進捗</source>
            <translation>Progress</translation>
        </message>
        <message>
            <source>0〜100%。終わったら100%にして完了日を入れます。</source>
            <translation>0–100%. When finished, set 100% and enter the completion date.</translation>
        </message>
        <message>
            <source>完了日</source>
            <translation>Completed on</translation>
        </message>
    </context>
    <context>
        <name>MinutesStatus</name>
        <message>
            <source>下書き</source>
            <translation>Draft</translation>
        </message>
        <message>
            <source>確定</source>
            <translation>Approved</translation>
        </message>
    </context>
    <context>
        <name>MonthCheckDialog</name>
        <message>
            <source>月次確認</source>
            <translation>Check month</translation>
        </message>
        <message>
            <source>確認する月</source>
            <translation>Month to check</translation>
        </message>
        <message>
            <source>確認した月の記帳は、削除も修正もできなくなります。誤りは「訂正」で直します。</source>
            <translation>Entries of a checked month can no longer be deleted or edited; mistakes are fixed with a correction.</translation>
        </message>
        <message>
            <source>確認済みにする</source>
            <translation>Mark as checked</translation>
        </message>
        <message>
            <source>確認していない月はありません。</source>
            <translation>Every month is already checked.</translation>
        </message>
    </context>
    <context>
        <name>Navigation</name>
        <message>
            <source>ダッシュボード</source>
            <translation>Dashboard</translation>
        </message>
        <message>
            <source>名簿</source>
            <translation>Members</translation>
        </message>
        <message>
            <source>団体・協働パートナー</source>
            <translation>Organisations &amp; partners</translation>
        </message>
        <message>
            <source>地域課題</source>
            <translation>Regional issues</translation>
        </message>
        <message>
            <source>協働事業</source>
            <translation>Projects</translation>
        </message>
        <message>
            <source>会議・議事録</source>
            <translation>Meetings &amp; minutes</translation>
        </message>
        <message>
            <source>総会・役員改選</source>
            <translation>General meeting &amp; officers</translation>
        </message>
        <message>
            <source>協働マニュアル</source>
            <translation>Collaboration manual</translation>
        </message>
        <message>
            <source>資機材</source>
            <translation>Equipment</translation>
        </message>
        <message>
            <source>会計</source>
            <translation>Accounts</translation>
        </message>
        <message>
            <source>指標</source>
            <translation>Indicators</translation>
        </message>
        <message>
            <source>設定</source>
            <translation>Settings</translation>
        </message>
    </context>
    <context>
        <name>NewMeetingDialog</name>
        <message>
            <source>会議の新規登録</source>
            <translation>New meeting</translation>
        </message>
        <message>
            <source>会議体を選んでください</source>
            <translation>Choose a meeting body</translation>
        </message>
        <message>
            <source>会議体</source>
            <translation>Body</translation>
        </message>
        <message>
            <source>開催日</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>開始時刻</source>
            <translation>Start time</translation>
        </message>
        <message>
            <source>終了時刻</source>
            <translation>End time</translation>
        </message>
        <message>
            <source>場所</source>
            <translation>Place</translation>
        </message>
        <message>
            <source>第何回かは、会議体と開催日から自動で決まります。</source>
            <translation>The meeting number follows from the body and the date.</translation>
        </message>
        <message>
            <source>{meeting}として登録されます。</source>
            <translation>It will be registered as {meeting}.</translation>
        </message>
        <message>
            <source>開催日を入力してください。</source>
            <translation>Please enter the date of the meeting.</translation>
        </message>
        <message>
            <source>会議体を選んでください。</source>
            <translation>Please choose a body.</translation>
        </message>
    </context>
    <context>
        <name>NoticeBanner</name>
        <message>
            <source>閉じる</source>
            <translation>Close</translation>
        </message>
    </context>
    <context>
        <name>NoticePrintWindow</name>
        <message>
            <source>開催通知を印刷</source>
            <translation>Print meeting notice</translation>
        </message>
        <message>
            <source>開催通知を印刷 — {title}</source>
            <translation>Print meeting notice — {title}</translation>
        </message>
        <message>
            <source>全員</source>
            <translation>Everyone</translation>
        </message>
        <message>
            <source>まだ回答のない方だけ</source>
            <translation>Only those who have not replied</translation>
        </message>
        <message>
            <source>選んだ方だけ</source>
            <translation>Only the people chosen</translation>
        </message>
        <message>
            <source>通知を印刷する方</source>
            <translation>People to print a notice for</translation>
        </message>
        <message>
            <source>宛名に郵便番号と住所を載せる（郵送用）</source>
            <translation>Print postal code and address (for posting)</translation>
        </message>
        <message>
            <source>宛先</source>
            <translation>Recipients</translation>
        </message>
        <message>
            <source>選んだ方</source>
            <translation>Chosen people</translation>
        </message>
        <message>
            <source>チェックを入れた方（Space キーでも入ります）に印刷します。</source>
            <translation>Prints for the people ticked (Space ticks too).</translation>
        </message>
        <message>
            <source>住所</source>
            <translation>Address</translation>
        </message>
        <message>
            <source>載せないときは氏名だけの通知になります（手渡し用）。</source>
            <translation>Without it, letters carry the name only (for handing out).</translation>
        </message>
        <message>
            <source>発行日</source>
            <translation>Published on</translation>
        </message>
        <message>
            <source>回答期限</source>
            <translation>Reply by</translation>
        </message>
        <message>
            <source>発行日を入力してください。</source>
            <translation>Please enter the publication date.</translation>
        </message>
        <message>
            <source>回答期限を入力してください。</source>
            <translation>Enter the reply-by date.</translation>
        </message>
        <message>
            <source>通知を印刷する方にチェックを入れてください。</source>
            <translation>Tick the people to print a notice for.</translation>
        </message>
        <message>
            <source>住所が登録されていない方（{names}）には通知を印刷しません。PDFの最後のページに一覧があります。</source>
            <translation>No letters for people without an address ({names}); they are listed on the last page of the PDF.</translation>
        </message>
    </context>
    <context>
        <name>OfficerPost</name>
        <message>
            <source>事務局</source>
            <translation>Secretariat</translation>
        </message>
        <message>
            <source>会計</source>
            <translation>Treasurer</translation>
        </message>
        <message>
            <source>会長</source>
            <translation>Chair</translation>
        </message>
        <message>
            <source>副会長</source>
            <translation>Vice-chair</translation>
        </message>
        <message>
            <source>委員</source>
            <translation>Member</translation>
        </message>
        <message>
            <source>監事</source>
            <translation>Auditor</translation>
        </message>
    </context>
    <context>
        <name>OpenFlow</name>
        <message>
            <source>{when}のバックアップからデータを戻しますか？
それより後に入力した内容は入っていません。</source>
            <translation>Bring the data back from the backup of {when}?
Anything entered after that is not in it.</translation>
        </message>
        <message>
            <source>{when}のバックアップから復元</source>
            <translation>Restore the backup of {when}</translation>
        </message>
        <message>
            <source>{when}のバックアップから復元しました。</source>
            <translation>Restored the backup of {when}. </translation>
        </message>
        <message>
            <source>{when}のバックアップの内容: {summary}</source>
            <translation>The backup of {when} holds: {summary}</translation>
        </message>
        <message>
            <source>「{name}」（{when}のバックアップ、{summary}）からデータを戻しますか？</source>
            <translation>Bring the data back from “{name}” (backup of {when}, {summary})?</translation>
        </message>
        <message>
            <source>いつものデータファイルが見つかりません</source>
            <translation>The usual data file is missing</translation>
        </message>
        <message>
            <source>このデータファイルは書き込みが禁止されています</source>
            <translation>This data file is write-protected</translation>
        </message>
        <message>
            <source>すべてのファイル (*)</source>
            <translation>All files (*)</translation>
        </message>
        <message>
            <source>ほかの人がこのデータを使っています</source>
            <translation>Someone else is using this data</translation>
        </message>
        <message>
            <source>データファイル (*.db)</source>
            <translation>Data files (*.db)</translation>
        </message>
        <message>
            <source>データファイルが壊れていました</source>
            <translation>The data file was damaged</translation>
        </message>
        <message>
            <source>データファイルが壊れています</source>
            <translation>The data file is damaged</translation>
        </message>
        <message>
            <source>データファイルが見つかりません</source>
            <translation>Data file not found</translation>
        </message>
        <message>
            <source>データファイルに書き込めません</source>
            <translation>Cannot write to the data file</translation>
        </message>
        <message>
            <source>データファイルは使用中です</source>
            <translation>The data file is in use</translation>
        </message>
        <message>
            <source>データファイルを開いています…</source>
            <translation>Opening the data file…</translation>
        </message>
        <message>
            <source>データファイルを開く</source>
            <translation>Open a data file</translation>
        </message>
        <message>
            <source>データファイルを開けません</source>
            <translation>Cannot open the data file</translation>
        </message>
        <message>
            <source>データファイルを開けませんでした。もう一度試しても直らないときは、ログファイルを担当者に渡してください。</source>
            <translation>Could not open the data file. If trying again does not help, give the log file to the staff in charge.</translation>
        </message>
        <message>
            <source>バックアップ (*.db *.sqlite *.sqlite3 *.bak)</source>
            <translation>Backups (*.db *.sqlite *.sqlite3 *.bak)</translation>
        </message>
        <message>
            <source>バックアップから復元</source>
            <translation>Restore from a backup</translation>
        </message>
        <message>
            <source>バックアップから復元しています…</source>
            <translation>Restoring from the backup…</translation>
        </message>
        <message>
            <source>バックアップのファイルを選ぶ</source>
            <translation>Choose the backup file</translation>
        </message>
        <message>
            <source>バックアップのファイルを選んで復元…</source>
            <translation>Choose a backup file to restore…</translation>
        </message>
        <message>
            <source>パソコン「{host}」で{who}さんがこのデータを使っていないことを確かめましたか？

「{host}」の電源が切れているか、プログラムが終わっているときだけ解除してください。使っている最中に解除すると、二人が同時に書き込んでデータが壊れるおそれがあります。</source>
            <translation>Have you made sure that {who} is not using this data on the computer “{host}”?

Release the lock only when “{host}” is switched off or the program there has ended. Releasing it while the data is in use lets two people write at once, which can damage the data.</translation>
        </message>
        <message>
            <source>ロックを解除して開く</source>
            <translation>Release the lock and open</translation>
        </message>
        <message>
            <source>ロックを解除して開く…</source>
            <translation>Release the lock and open…</translation>
        </message>
        <message>
            <source>ロックを解除する</source>
            <translation>Release the lock</translation>
        </message>
        <message>
            <source>ロックを解除できません</source>
            <translation>Cannot release the lock</translation>
        </message>
        <message>
            <source>別のファイルを開く…</source>
            <translation>Open another file…</translation>
        </message>
        <message>
            <source>別の利用者</source>
            <translation>another user</translation>
        </message>
        <message>
            <source>壊れていたファイルは「{name}」として同じフォルダに残してあります。</source>
            <translation>The damaged file is kept in the same folder as “{name}”. </translation>
        </message>
        <message>
            <source>復元しました</source>
            <translation>Restored</translation>
        </message>
        <message>
            <source>復元する</source>
            <translation>Restore</translation>
        </message>
        <message>
            <source>復元する前のデータは「{path}」に保存しました。</source>
            <translation>The data as it was before the restore is saved in “{path}”.</translation>
        </message>
        <message>
            <source>復元できません</source>
            <translation>Cannot restore</translation>
        </message>
        <message>
            <source>復元できませんでした</source>
            <translation>Could not restore</translation>
        </message>
        <message>
            <source>本当に空のデータで始めますか？

「{name}」に新しい空のデータファイルを作ります。これまでのデータは入っていません。壊れたファイルとバックアップは消さずにそのまま残るので、あとから復元することもできます。</source>
            <translation>Really start with empty data?

A new, empty data file “{name}” is made. None of the data so far is in it. The damaged file and the backups stay as they are, so you can still restore later.</translation>
        </message>
        <message>
            <source>空のデータで始める</source>
            <translation>Start with empty data</translation>
        </message>
        <message>
            <source>空のデータで始める…</source>
            <translation>Start with empty data…</translation>
        </message>
        <message>
            <source>終了</source>
            <extracomment>The first figures shown before the full open (see gui/first_figures.py), if any. The quick check a file left by an unclean shutdown owes, once started (gui/owed_check.py).</extracomment>
            <translation>Quit</translation>
        </message>
        <message>
            <source>読み取り専用で開く</source>
            <translation>Open read-only</translation>
        </message>
        <message>
            <source>読み取り専用で開くと、見ることと印刷はできますが、変更は保存できません。</source>
            <translation>Opened read-only, you can look and print, but changes cannot be saved.</translation>
        </message>
    </context>
    <context>
        <name>OrganisationDialog</name>
        <message>
            <source>団体の編集</source>
            <extracomment>The contact-person list offers at most this many people; the rest are found by typing.</extracomment>
            <translation>Edit organisation</translation>
        </message>
        <message>
            <source>団体を新規登録</source>
            <translation>New organisation</translation>
        </message>
        <message>
            <source>町全体（学区なし）</source>
            <translation>Whole town (no district)</translation>
        </message>
        <message>
            <source>（なし）</source>
            <translation>(none)</translation>
        </message>
        <message>
            <source>例: 0476-95-1234</source>
            <translation>e.g. 0476-95-1234</translation>
        </message>
        <message>
            <source>団体名</source>
            <translation>Organisation name</translation>
        </message>
        <message>
            <source>フリガナ</source>
            <translation>Reading (kana)</translation>
        </message>
        <message>
            <source>カタカナかひらがなで。一覧は五十音順に並びます。</source>
            <translation>In katakana or hiragana. The list is sorted in Japanese syllabary order.</translation>
        </message>
        <message>
            <source>種別</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>学区</source>
            <translation>District</translation>
        </message>
        <message>
            <source>担当者</source>
            <translation>Contact person</translation>
        </message>
        <message>
            <source>名簿にいる方から選びます。名前を入力すると絞り込めます。</source>
            <translation>Choose someone on the roster. Type a name to narrow the list.</translation>
        </message>
        <message>
            <source>電話番号</source>
            <translation>Phone number</translation>
        </message>
        <message>
            <source>住所</source>
            <translation>Address</translation>
        </message>
        <message>
            <source>備考</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>学区を選んでください</source>
            <translation>Choose a district</translation>
        </message>
        <message>
            <source>担当者は一覧から選んでください。名簿にいない方は、先に名簿に登録してください。</source>
            <translation>Choose the person in charge from the list. Add anyone who is not on the roster to the roster first.</translation>
        </message>
        <message>
            <source>学区を選んでください。町全体の団体は「町全体（学区なし）」を選びます。</source>
            <translation>Choose a district. For a town-wide organisation choose “Whole town (no district)”.</translation>
        </message>
        <message>
            <source>団体の情報</source>
            <translation>Organisation details</translation>
        </message>
    </context>
    <context>
        <name>OrganisationKind</name>
        <message>
            <source>NPO法人</source>
            <translation>NPO corporation</translation>
        </message>
        <message>
            <source>その他</source>
            <translation>Other</translation>
        </message>
        <message>
            <source>ボランティア団体</source>
            <translation>Volunteer group</translation>
        </message>
        <message>
            <source>事業者</source>
            <translation>Business</translation>
        </message>
        <message>
            <source>学校・PTA</source>
            <translation>School / PTA</translation>
        </message>
        <message>
            <source>自治会・自治組織</source>
            <translation>Residents' association</translation>
        </message>
        <message>
            <source>行政・公的機関</source>
            <translation>Government / public body</translation>
        </message>
    </context>
    <context>
        <name>Organisations</name>
        <message>
            <source>フリガナ</source>
            <translation>Reading (kana)</translation>
        </message>
        <message>
            <source>団体名</source>
            <translation>Organisation name</translation>
        </message>
        <message>
            <source>学区</source>
            <translation>District</translation>
        </message>
        <message>
            <source>担当者</source>
            <translation>Contact person</translation>
        </message>
        <message>
            <source>町全体</source>
            <translation>Whole town</translation>
        </message>
        <message>
            <source>種別</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>電話</source>
            <translation>Phone</translation>
        </message>
    </context>
    <context>
        <name>OrganisationsPage</name>
        <message>
            <source>団体・協働パートナー</source>
            <translation>Organisations &amp; partners</translation>
        </message>
        <message>
            <source>団体名・フリガナ・担当者・備考で検索（Ctrl+F）</source>
            <translation>Search by name, reading, contact person or notes (Ctrl+F)</translation>
        </message>
        <message>
            <source>すべての種別</source>
            <translation>All kinds</translation>
        </message>
        <message>
            <source>種別で絞り込み</source>
            <translation>Filter by kind</translation>
        </message>
        <message>
            <source>削除した団体を表示</source>
            <translation>Show deleted organisations</translation>
        </message>
        <message>
            <source>元に戻す</source>
            <translation>Undo</translation>
        </message>
        <message>
            <source>新規登録</source>
            <translation>New</translation>
        </message>
        <message numerus="yes">
            <source>%n団体</source>
            <translation>
                <numerusform>%n organisation</numerusform>
                <numerusform>%n organisations</numerusform>
            </translation>
        </message>
        <message>
            <source>団体の削除</source>
            <translation>Delete organisation</translation>
        </message>
        <message>
            <source>「{name}」を一覧から削除しますか？
削除した後も「元に戻す」で戻せます。</source>
            <translation>Remove "{name}" from the list?
You can bring it back with "Undo".</translation>
        </message>
        <message>
            <source>削除</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>「{name}」を削除しました。</source>
            <translation>"{name}" was deleted.</translation>
        </message>
    </context>
    <context>
        <name>OwedCheck</name>
        <message>
            <source>データファイルに異常が見つかりました（前回、プログラムが正しく終了しなかったためと考えられます）。このままではデータが失われるおそれがあるため、プログラムを終了します。

もう一度起動すると、壊れたファイルを残したまま、バックアップからの復元を案内します。</source>
            <translation>The data file is damaged (probably because the program did not end properly last time). The program will now close so that no data is lost.

When you start it again, it keeps the damaged file aside and offers to restore a backup.</translation>
        </message>
        <message>
            <source>データファイルの異常</source>
            <translation>Data file damaged</translation>
        </message>
    </context>
    <context>
        <name>PackPart</name>
        <message>
            <source>次第</source>
            <translation>Order of business</translation>
        </message>
        <message>
            <source>第1号議案 事業報告</source>
            <translation>Motion 1: activity report</translation>
        </message>
        <message>
            <source>第2号議案 収支決算報告・監査報告</source>
            <translation>Motion 2: accounts and audit report</translation>
        </message>
        <message>
            <source>第3号議案 役員改選</source>
            <translation>Motion 3: election of officers</translation>
        </message>
        <message>
            <source>第4号議案 事業計画（案）</source>
            <translation>Motion 4: activity plan (draft)</translation>
        </message>
        <message>
            <source>第5号議案 収支予算（案）</source>
            <translation>Motion 5: budget (draft)</translation>
        </message>
        <message>
            <source>表紙（日時・場所）</source>
            <translation>Cover (date and place)</translation>
        </message>
    </context>
    <context>
        <name>PackPartDialog</name>
        <message>
            <source>{part}の文案</source>
            <translation>Text of {part}</translation>
        </message>
        <message>
            <source>本文</source>
            <translation>Text</translation>
        </message>
        <message>
            <source>「■」で始まる行は見出し、「｜」で区切った行は表（最初の行が見出し行）になります。ここでの修正は議案書だけに残り、名簿や事業の記録は変わりません。</source>
            <translation>A line starting with ■ is a heading; lines split by ｜ make a table (the first is its header). Edits stay with the pack; the roster and project records do not change.</translation>
        </message>
        <message>
            <source>自動作成に戻す</source>
            <translation>Back to the generated text</translation>
        </message>
    </context>
    <context>
        <name>PackParts</name>
        <message>
            <source>文案</source>
            <translation>Text</translation>
        </message>
        <message>
            <source>編集済み</source>
            <translation>Edited</translation>
        </message>
        <message>
            <source>自動作成</source>
            <translation>Generated</translation>
        </message>
        <message>
            <source>項目</source>
            <translation>Item</translation>
        </message>
    </context>
    <context>
        <name>PageControls</name>
        <message>
            <source>◀ 前</source>
            <translation>◀ Previous</translation>
        </message>
        <message>
            <source>プレビューを表示しています。内容を確かめてから印刷してください。</source>
            <translation>This is the preview. Check it before printing.</translation>
        </message>
        <message>
            <source>ページが多いので、1ページずつ表示しています。「次 ▶」やページ番号で移ります。内容を確かめてから印刷してください。</source>
            <translation>This paper has many pages, so it is shown one page at a time. Use "Next ▶" or type a page number to move. Check it before printing.</translation>
        </message>
        <message>
            <source>ページ番号を入れてEnterで、そのページを表示します</source>
            <translation>Type a page number and press Enter to show that page</translation>
        </message>
        <message>
            <source>前のページ (Ctrl+PageUp)</source>
            <translation>Previous page (Ctrl+PageUp)</translation>
        </message>
        <message>
            <source>次 ▶</source>
            <translation>Next ▶</translation>
        </message>
        <message>
            <source>次のページ (Ctrl+PageDown)</source>
            <translation>Next page (Ctrl+PageDown)</translation>
        </message>
        <message>
            <source>表示するページ</source>
            <translation>Page shown</translation>
        </message>
    </context>
    <context>
        <name>PartDialog</name>
        <message>
            <source>この記録はほかの人が削除しました。</source>
            <translation>Someone else has deleted this record.</translation>
        </message>
    </context>
    <context>
        <name>PartnerDialog</name>
        <message>
            <source>協働パートナー</source>
            <translation>Collaboration partners</translation>
        </message>
        <message>
            <source>団体</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <source>個人（名簿の人）</source>
            <translation>Individual (on the roster)</translation>
        </message>
        <message>
            <source>（選んでください）</source>
            <translation>(please choose)</translation>
        </message>
        <message>
            <source>個人</source>
            <translation>Individual</translation>
        </message>
        <message>
            <source>役割分担</source>
            <translation>Roles</translation>
        </message>
        <message>
            <source>例: 会場の提供、参加者の募集、当日の運営</source>
            <translation>e.g. providing the venue, recruiting participants, running the day</translation>
        </message>
    </context>
    <context>
        <name>PdfSave</name>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>PDFとして保存</source>
            <translation>Save as PDF</translation>
        </message>
        <message>
            <source>PDFを保存できませんでした。保存先のフォルダと空き容量を確かめてください。</source>
            <translation>Could not save the PDF. Check the folder and the free disk space.</translation>
        </message>
        <message>
            <source>PDFを開けませんでした</source>
            <translation>Could not open the PDF</translation>
        </message>
        <message>
            <source>このパソコンにはPDFを開くアプリが設定されていません。この画面の「印刷…」で印刷するか、PDFとして保存してほかのパソコンで開いてください。</source>
            <translation>This computer has no app set up to open PDFs. Print from this window with "Print…", or save the PDF and open it on another computer.</translation>
        </message>
        <message>
            <source>保存…</source>
            <translation>Save…</translation>
        </message>
        <message>
            <source>閉じる</source>
            <translation>Close</translation>
        </message>
    </context>
    <context>
        <name>PersonDialog</name>
        <message>
            <source>名簿の編集</source>
            <translation>Edit member</translation>
        </message>
        <message>
            <source>名簿に新規登録</source>
            <translation>Add to roster</translation>
        </message>
        <message>
            <source>例: 270-1516</source>
            <translation>e.g. 270-1516</translation>
        </message>
        <message>
            <source>例: 0476-95-1234</source>
            <translation>e.g. 0476-95-1234</translation>
        </message>
        <message>
            <source>例: taro@example.jp</source>
            <translation>e.g. taro@example.jp</translation>
        </message>
        <message>
            <source>（なし）</source>
            <translation>(none)</translation>
        </message>
        <message>
            <source>氏名</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>姓と名の間は空けても空けなくても構いません。</source>
            <translation>A space between family and given name is optional.</translation>
        </message>
        <message>
            <source>フリガナ</source>
            <translation>Reading (kana)</translation>
        </message>
        <message>
            <source>カタカナかひらがなで。名簿は五十音順に並びます。</source>
            <translation>In katakana or hiragana. The roster is sorted in Japanese syllabary order.</translation>
        </message>
        <message>
            <source>郵便番号</source>
            <translation>Postal code</translation>
        </message>
        <message>
            <source>住所</source>
            <translation>Address</translation>
        </message>
        <message>
            <source>電話番号</source>
            <translation>Phone number</translation>
        </message>
        <message>
            <source>メールアドレス</source>
            <translation>Email address</translation>
        </message>
        <message>
            <source>所属団体</source>
            <translation>Affiliation</translation>
        </message>
        <message>
            <source>備考</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>学区での役割</source>
            <translation>Roles in districts</translation>
        </message>
        <message>
            <source> {0}退任</source>
            <translation> left on {0}</translation>
        </message>
        <message>
            <source>同じ氏名・フリガナの方がすでに名簿にいます: {who}。同じ方なら、新しく登録せずにその方を編集してください。</source>
            <translation>Someone with the same name and reading is already on the roster: {who}. If it is the same person, edit them instead of registering again.</translation>
        </message>
        <message>
            <source>名簿の情報</source>
            <translation>member details</translation>
        </message>
    </context>
    <context>
        <name>PersonHistoryDialog</name>
        <message>
            <source>変更の履歴 — {name}</source>
            <translation>Change history — {name}</translation>
        </message>
        <message>
            <source>「{name}」さんの変更の履歴</source>
            <translation>Change history of {name}</translation>
        </message>
        <message>
            <source>閉じる</source>
            <translation>Close</translation>
        </message>
        <message numerus="yes">
            <source>%n件（新しい順）</source>
            <translation>
                <numerusform>%n entry (newest first)</numerusform>
                <numerusform>%n entries (newest first)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PersonSafety</name>
        <message>
            <source>「{name}」さんの個人情報を、本人の求めにより消去しますか？

消えるもの: フリガナ・住所・電話番号・メールアドレス・備考・所属団体・委嘱の記録と、会議の下書き・講座・相談・貸出・研修・変更の履歴などに残っている氏名と連絡先。
残るもの: 確定した議事録に印刷された氏名（議事録は公式の記録のため、印刷どおり残ります）と、消去したという記録（だれが・いつ）。

この操作は元に戻せません。</source>
            <translation>Erase the personal data of {name} at their request?

Erased: furigana, address, phone, e-mail, notes, organisation, appointments, and the name and contact left in draft minutes, courses, consultations, loans, trainings, the change history and so on.
Kept: the name as printed in approved minutes (the minutes are the official record and stay as printed), and the record that the erasure was done (who, when).

This cannot be undone.</translation>
        </message>
        <message>
            <source>「{name}」さんの個人情報を消去しました。</source>
            <translation>The personal data of {name} was erased.</translation>
        </message>
        <message>
            <source>この人の記録:</source>
            <translation>This person's records:</translation>
        </message>
        <message>
            <source>キャンセル</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>バックアップ{count}件は形式が古いなどの理由で書き換えられません。
削除しますか？ 残す場合、そのバックアップには消去前の情報が残ります。</source>
            <translation>{count} backups cannot be rewritten (an older format, for example).
Delete them? If kept, they still hold the data as it was before the erasure.</translation>
        </message>
        <message>
            <source>バックアップからも消去しました</source>
            <translation>Erased from the backups too</translation>
        </message>
        <message>
            <source>バックアップを書き換えています…</source>
            <translation>Rewriting the backups…</translation>
        </message>
        <message>
            <source>中止しました</source>
            <translation>Cancelled</translation>
        </message>
        <message>
            <source>削除する</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>古いバックアップからも消す</source>
            <translation>Erase from old backups too</translation>
        </message>
        <message>
            <source>変更の履歴…</source>
            <translation>Change history…</translation>
        </message>
        <message>
            <source>本人の求めにより消去…</source>
            <translation>Erase at their request…</translation>
        </message>
        <message>
            <source>本人の求めによる消去</source>
            <translation>Erasure at the person's request</translation>
        </message>
        <message>
            <source>残す</source>
            <translation>Keep</translation>
        </message>
        <message>
            <source>消去しています…</source>
            <translation>Erasing…</translation>
        </message>
        <message>
            <source>消去しました</source>
            <translation>Erased</translation>
        </message>
        <message>
            <source>消去する</source>
            <translation>Erase</translation>
        </message>
        <message>
            <source>消去できませんでした</source>
            <translation>Could not erase</translation>
        </message>
        <message>
            <source>消去を中止しました。何も消していません。</source>
            <translation>The erasure was cancelled. Nothing was erased.</translation>
        </message>
        <message>
            <source>読み取り専用で開いているため消去できません。通常どおり開き直してください。</source>
            <translation>Opened read-only: nothing can be erased. Open the file again normally.</translation>
        </message>
        <message>
            <source>閉じる</source>
            <translation>Close</translation>
        </message>
    </context>
    <context>
        <name>PlaceholderPage</name>
        <message>
            <source>この画面は準備中です。</source>
            <translation>This screen is being prepared.</translation>
        </message>
    </context>
    <context>
        <name>PrintRosterDialog</name>
        <message>
            <source>名簿を印刷</source>
            <translation>Print roster</translation>
        </message>
        <message>
            <source>連絡先（住所・電話・メール）を載せる</source>
            <translation>Include contact details (address, phone, email)</translation>
        </message>
        <message>
            <source>学区</source>
            <translation>District</translation>
        </message>
        <message>
            <source>連絡先</source>
            <translation>Contact</translation>
        </message>
        <message>
            <source>会議で配る名簿には載せません。載せると「取扱注意・連絡先あり」と印刷されます。</source>
            <translation>Leave this off for rosters handed out at meetings. When ticked, the paper says 「取扱注意・連絡先あり」 (handle with care: contacts).</translation>
        </message>
        <message>
            <source>_連絡先あり</source>
            <translation>_with_contacts</translation>
        </message>
        <message>
            <source>_配布用</source>
            <translation>_for_distribution</translation>
        </message>
    </context>
    <context>
        <name>PrintSummaryDialog</name>
        <message>
            <source>連絡会まとめを印刷</source>
            <extracomment>A full annex longer than this is asked about before it is drawn (drawing takes about 0.1 s a page).</extracomment>
            <translation>Print liaison summary</translation>
        </message>
        <message>
            <source>年度でまとめる</source>
            <translation>Group by fiscal year</translation>
        </message>
        <message>
            <source>期間を指定する</source>
            <translation>Set a period</translation>
        </message>
        <message>
            <source>年度</source>
            <translation>Fiscal year</translation>
        </message>
        <message>
            <source>期間の初日</source>
            <translation>First day of the period</translation>
        </message>
        <message>
            <source>期間の最終日</source>
            <translation>Last day of the period</translation>
        </message>
        <message>
            <source>付録にすべて載せる（項目が多いと数百ページになります）</source>
            <translation>Put every item in the annex (with many items this runs to hundreds of pages)</translation>
        </message>
        <message>
            <source>付録にすべての項目（{items}件）を載せると、付録だけで約{pages}ページになり、作るのに時間がかかります。載せますか？</source>
            <translation>With every item ({items}) in it, the annex alone takes about {pages} pages and will take a while to make. Put them all in?</translation>
        </message>
        <message>
            <source>付録をすべて載せる</source>
            <translation>Full annex</translation>
        </message>
        <message>
            <source>すべて載せる</source>
            <translation>Put them all in</translation>
        </message>
        <message>
            <source>付録に{items}件をすべて載せています（付録だけで約{pages}ページ）。</source>
            <translation>The annex lists all {items} items (about {pages} pages for the annex alone).</translation>
        </message>
        <message>
            <source>付録は各一覧{share}件までで、{left}件は省いています（すべて載せると付録だけで約{pages}ページ）。</source>
            <translation>The annex lists up to {share} items of each list and leaves {left} out. With all of them the annex alone takes about {pages} pages.</translation>
        </message>
        <message>
            <source>学区が多いため付録は付けず、{left}件は省いています（すべて載せると付録だけで約{pages}ページ）。</source>
            <translation>With this many districts there is no annex; {left} items are left out. With all of them the annex alone takes about {pages} pages.</translation>
        </message>
        <message>
            <source>付録には、一覧で「ほか○件」とした{items}件をすべて載せています。</source>
            <translation>The annex lists all {items} items the lists cut ("and N more").</translation>
        </message>
    </context>
    <context>
        <name>PrintWindow</name>
        <message>
            <source>印刷…</source>
            <translation>Print…</translation>
        </message>
        <message numerus="yes">
            <source>%n枚をプリンターに送りました。</source>
            <translation>
                <numerusform>Sheets sent to the printer: %n.</numerusform>
                <numerusform>Sheets sent to the printer: %n.</numerusform>
            </translation>
        </message>
        <message>
            <source>PDFとして保存…</source>
            <translation>Save as PDF…</translation>
        </message>
        <message>
            <source>PDFを作っています…</source>
            <translation>Making the PDF…</translation>
        </message>
        <message>
            <source>PDFを作れませんでした</source>
            <translation>Could not make the PDF</translation>
        </message>
        <message>
            <source>PDFを開く</source>
            <translation>Open PDF</translation>
        </message>
        <message>
            <source>{percent}%</source>
            <translation>{percent}%</translation>
        </message>
        <message>
            <source>保存しました: {path}</source>
            <translation>Saved: {path}</translation>
        </message>
        <message numerus="yes">
            <source>全%nページ</source>
            <translation>
                <numerusform>Pages: %n</numerusform>
                <numerusform>Pages: %n</numerusform>
            </translation>
        </message>
        <message>
            <source>印刷</source>
            <translation>Print</translation>
        </message>
        <message>
            <source>PDFを作るのを中止しました。選び直すと、もう一度作ります。</source>
            <translation>Making the PDF was cancelled. Change a choice to make it again.</translation>
        </message>
        <message>
            <source>印刷できませんでした。プリンターの電源と接続（ファイルに印刷するときは保存先）を確かめてください。</source>
            <translation>Could not print. Check that the printer is on and connected (or, when printing to a file, the folder).</translation>
        </message>
        <message>
            <source>幅に合わせています</source>
            <translation>Fit to width</translation>
        </message>
        <message>
            <source>幅に合わせる</source>
            <translation>Fit width</translation>
        </message>
        <message>
            <source>拡大 ＋</source>
            <translation>Zoom in +</translation>
        </message>
        <message>
            <source>次の文字は、この機械にある字形では印刷できず空白になります: {chars}
IPAmj明朝をインストールすると印刷できます。</source>
            <translation>These characters have no glyph on this computer and will print as blanks: {chars}
Install IPAmj Mincho to print them.</translation>
        </message>
        <message>
            <source>縮小 −</source>
            <translation>Zoom out −</translation>
        </message>
        <message>
            <source>選んだページの範囲に印刷するページがありません。範囲を確かめてください。</source>
            <translation>The chosen page range has no pages to print. Check the range.</translation>
        </message>
        <message>
            <source>閉じる</source>
            <translation>Close</translation>
        </message>
    </context>
    <context>
        <name>Priority</name>
        <message>
            <source>中</source>
            <translation>Medium</translation>
        </message>
        <message>
            <source>低</source>
            <translation>Low</translation>
        </message>
        <message>
            <source>高</source>
            <translation>High</translation>
        </message>
    </context>
    <context>
        <name>Progress</name>
        <message>
            <source>お待ちください</source>
            <translation>Please wait</translation>
        </message>
        <message>
            <source>この作業をやめます。途中までの結果は残りません。</source>
            <translation>Stops this task. Nothing half-done is kept.</translation>
        </message>
        <message>
            <source>中止</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>ProjectDetailDialog</name>
        <message>
            <source>協働事業の詳細</source>
            <extracomment>A project as the window shows it: its details and its grant applications.</extracomment>
            <translation>Project details</translation>
        </message>
        <message>
            <source>基本情報を編集…</source>
            <translation>Edit details…</translation>
        </message>
        <message>
            <source>ステータス変更…</source>
            <translation>Change status…</translation>
        </message>
        <message>
            <source>目的</source>
            <translation>Purpose</translation>
        </message>
        <message>
            <source>取り組む地域課題</source>
            <translation>Issues addressed</translation>
        </message>
        <message>
            <source>この事業につながる地域課題はまだありません。
「基本情報を編集…」で、取り組む地域課題を選んでください。</source>
            <translation>No regional issue is linked to this project yet.
Choose the issues it takes up with “Edit details…”.</translation>
        </message>
        <message>
            <source>概要</source>
            <translation>Summary</translation>
        </message>
        <message>
            <source>協働パートナーと役割分担</source>
            <translation>Partners and their roles</translation>
        </message>
        <message>
            <source>パートナー</source>
            <translation>Partners</translation>
        </message>
        <message>
            <source>工程（期日と進捗）</source>
            <translation>Milestones (due dates and progress)</translation>
        </message>
        <message>
            <source>工程</source>
            <translation>Milestones</translation>
        </message>
        <message>
            <source>参加する地区担当職員</source>
            <translation>District staff taking part</translation>
        </message>
        <message>
            <source>職員</source>
            <translation>Staff</translation>
        </message>
        <message>
            <source>担当から外す</source>
            <translation>Remove from staff</translation>
        </message>
        <message>
            <source>補助金の申請</source>
            <translation>Grant application</translation>
        </message>
        <message>
            <source>補助金</source>
            <translation>Grants</translation>
        </message>
        <message>
            <source>次の段階へ…</source>
            <translation>Next step…</translation>
        </message>
        <message>
            <source>活動記録</source>
            <translation>Activity records</translation>
        </message>
        <message>
            <source>年度ごとの検証</source>
            <translation>Evaluation by fiscal year</translation>
        </message>
        <message>
            <source>検証</source>
            <translation>Evaluation</translation>
        </message>
        <message>
            <source>閉じる</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>ステータス: {s}</source>
            <translation>Status: {s}</translation>
        </message>
        <message>
            <source>期間: {t}</source>
            <translation>Period: {t}</translation>
        </message>
        <message>
            <source>立ち上げ: {d}</source>
            <translation>Launched: {d}</translation>
        </message>
        <message>
            <source>主体: {o}</source>
            <translation>Lead: {o}</translation>
        </message>
        <message>
            <source>（未入力）</source>
            <translation>(not entered)</translation>
        </message>
        <message>
            <source>合計　申請額 {r}　交付決定額 {g}　支出額 {s}</source>
            <translation>Total  applied for {r}  granted {g}  spent {s}</translation>
        </message>
        <message>
            <source>{n}回　延べ参加者 {p}人　ボランティア {h}時間</source>
            <translation>Activities: {n}  Participants in total: {p}  Volunteer hours: {h}</translation>
        </message>
        <message>
            <source>削除の確認</source>
            <translation>Confirm deletion</translation>
        </message>
        <message>
            <source>「{what}」を削除しますか？</source>
            <translation>Delete "{what}"?</translation>
        </message>
        <message>
            <source>削除</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>協働事業のステータス変更</source>
            <translation>Change project status</translation>
        </message>
        <message>
            <source>「{title}」
今のステータス: {status}</source>
            <translation>"{title}"
Current status: {status}</translation>
        </message>
        <message>
            <source>{year}の申請（{amount}）</source>
            <translation>Application for {year} ({amount})</translation>
        </message>
        <message>
            <source>{year}の検証</source>
            <translation>Evaluation for {year}</translation>
        </message>
        <message numerus="yes">
            <source>　— 交付決定額を超えた申請が%n件あります</source>
            <translation>
                <numerusform> — %n application exceeds the granted amount</numerusform>
                <numerusform> — %n applications exceed the granted amount</numerusform>
            </translation>
        </message>
        <message>
            <source>初めて「交付決定」か「実施中」にした日が、事業の立ち上げ日になります。</source>
            <translation>The first day it is set to "Grant decided" or "In progress" becomes the project's launch date.</translation>
        </message>
        <message>
            <source>協働事業</source>
            <translation>Projects</translation>
        </message>
        <message>
            <source>ステータス</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>事業名</source>
            <translation>Project name</translation>
        </message>
        <message>
            <source>終了日</source>
            <translation>End date</translation>
        </message>
        <message>
            <source>進める申請を一覧で選んでください。</source>
            <translation>Choose the application to move on in the list.</translation>
        </message>
        <message>
            <source>（うち ごみゼロ・草ゼロ {n}回）</source>
            <translation> (of which zero litter, zero weeds: {n})</translation>
        </message>
    </context>
    <context>
        <name>ProjectDialog</name>
        <message>
            <source>協働事業の基本情報</source>
            <translation>Project details</translation>
        </message>
        <message>
            <source>協働事業を登録</source>
            <translation>Register project</translation>
        </message>
        <message>
            <source>事業名</source>
            <translation>Project name</translation>
        </message>
        <message>
            <source>学区</source>
            <translation>District</translation>
        </message>
        <message>
            <source>区分</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>⑬ 学区の協議会が進める協働事業か、⑭ 自治会などの自治組織のコミュニティ事業か</source>
            <translation>⑬ a collaborative project run by the district council, or ⑭ a community project of a residents' association or similar body</translation>
        </message>
        <message>
            <source>目的</source>
            <translation>Purpose</translation>
        </message>
        <message>
            <source>開始日</source>
            <translation>Start date</translation>
        </message>
        <message>
            <source>終了日</source>
            <translation>End date</translation>
        </message>
        <message>
            <source>主体となる団体</source>
            <translation>Lead organisation</translation>
        </message>
        <message>
            <source>取り組む地域課題</source>
            <translation>Issues addressed</translation>
        </message>
        <message>
            <source>チェックした課題がこの事業に結び付きます（学区の未解決の課題を表示）。</source>
            <translation>The checked issues are linked to this project (open issues of the district are shown).</translation>
        </message>
        <message>
            <source>（なし）</source>
            <translation>(none)</translation>
        </message>
    </context>
    <context>
        <name>ProjectKind</name>
        <message>
            <source>コミュニティ事業（⑭）</source>
            <translation>Community project (⑭)</translation>
        </message>
        <message>
            <source>小学校区協働事業（⑬）</source>
            <translation>District collaborative project (⑬)</translation>
        </message>
    </context>
    <context>
        <name>ProjectStatus</name>
        <message>
            <source>中止</source>
            <translation>Cancelled</translation>
        </message>
        <message>
            <source>交付決定</source>
            <translation>Grant decided</translation>
        </message>
        <message>
            <source>完了</source>
            <translation>Done</translation>
        </message>
        <message>
            <source>実施中</source>
            <translation>In progress</translation>
        </message>
        <message>
            <source>検証済</source>
            <translation>Evaluated</translation>
        </message>
        <message>
            <source>構想</source>
            <translation>Idea</translation>
        </message>
        <message>
            <source>申請中</source>
            <translation>Applied</translation>
        </message>
    </context>
    <context>
        <name>Projects</name>
        <message>
            <source>⑬ 小学校区協働</source>
            <translation>⑬ District collaboration</translation>
        </message>
        <message>
            <source>⑭ コミュニティ</source>
            <translation>⑭ Community</translation>
        </message>
        <message>
            <source>ステータス</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>ボランティア時間</source>
            <translation>Volunteer hours</translation>
        </message>
        <message>
            <source>事業名</source>
            <translation>Project name</translation>
        </message>
        <message>
            <source>今後の方向性</source>
            <translation>Future direction</translation>
        </message>
        <message>
            <source>個人</source>
            <translation>Individual</translation>
        </message>
        <message>
            <source>内容</source>
            <translation>Content</translation>
        </message>
        <message>
            <source>区分</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>協働パートナー</source>
            <translation>Collaboration partners</translation>
        </message>
        <message>
            <source>参加した職員</source>
            <translation>Staff who took part</translation>
        </message>
        <message>
            <source>参加者数</source>
            <translation>Participants</translation>
        </message>
        <message>
            <source>団体</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <source>地区担当職員</source>
            <translation>District staff</translation>
        </message>
        <message>
            <source>学区</source>
            <translation>District</translation>
        </message>
        <message>
            <source>完了日</source>
            <translation>Completed on</translation>
        </message>
        <message>
            <source>実施日</source>
            <translation>Held on</translation>
        </message>
        <message>
            <source>工程</source>
            <translation>Milestones</translation>
        </message>
        <message>
            <source>年度</source>
            <translation>Fiscal year</translation>
        </message>
        <message>
            <source>役割分担</source>
            <translation>Roles</translation>
        </message>
        <message>
            <source>成果</source>
            <translation>Results</translation>
        </message>
        <message>
            <source>担当内容</source>
            <translation>Responsibilities</translation>
        </message>
        <message>
            <source>期日</source>
            <translation>Due</translation>
        </message>
        <message>
            <source>期間</source>
            <translation>Period</translation>
        </message>
        <message>
            <source>未評価</source>
            <translation>Not evaluated</translation>
        </message>
        <message>
            <source>検証日</source>
            <translation>Evaluated on</translation>
        </message>
        <message>
            <source>活動名</source>
            <translation>Activity</translation>
        </message>
        <message>
            <source>種別</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>立ち上げ</source>
            <translation>Launched</translation>
        </message>
        <message>
            <source>評価</source>
            <translation>Rating</translation>
        </message>
        <message>
            <source>課題</source>
            <translation>Issue</translation>
        </message>
        <message>
            <source>課題名</source>
            <translation>Issue</translation>
        </message>
        <message>
            <source>進捗</source>
            <translation>Progress</translation>
        </message>
        <message>
            <source>関連課題</source>
            <translation>Related issues</translation>
        </message>
        <message>
            <source>（期限切れ）</source>
            <translation> (overdue)</translation>
        </message>
        <message>
            <source>指標への貢献</source>
            <translation>Contribution to indicators</translation>
        </message>
        <message numerus="yes">
            <source>%n人</source>
            <translation>
                <numerusform>%n person</numerusform>
                <numerusform>%n people</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n件</source>
            <translation>
                <numerusform>%n</numerusform>
                <numerusform>%n</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n時間</source>
            <translation>
                <numerusform>%n hour</numerusform>
                <numerusform>%n hours</numerusform>
            </translation>
        </message>
        <message>
            <source>未判定</source>
            <translation>Not yet judged</translation>
        </message>
        <message>
            <source>未達成</source>
            <translation>Not achieved</translation>
        </message>
        <message>
            <source>種類</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>達成</source>
            <translation>Achieved</translation>
        </message>
    </context>
    <context>
        <name>ProjectsPage</name>
        <message>
            <source>協働事業</source>
            <translation>Projects</translation>
        </message>
        <message>
            <source>事業名・目的で検索（Ctrl+F）</source>
            <translation>Search by project name or purpose (Ctrl+F)</translation>
        </message>
        <message>
            <source>すべてのステータス</source>
            <translation>All statuses</translation>
        </message>
        <message>
            <source>⑬・⑭ すべて</source>
            <translation>⑬ and ⑭: all</translation>
        </message>
        <message>
            <source>ステータスで絞り込み</source>
            <translation>Filter by status</translation>
        </message>
        <message>
            <source>区分で絞り込み</source>
            <translation>Filter by type</translation>
        </message>
        <message>
            <source>補助金の集計…</source>
            <translation>Grant totals…</translation>
        </message>
        <message>
            <source>新規登録</source>
            <translation>New</translation>
        </message>
        <message>
            <source>詳細を開く…</source>
            <translation>Open details…</translation>
        </message>
        <message numerus="yes">
            <source>%n事業</source>
            <translation>
                <numerusform>%n project</numerusform>
                <numerusform>%n projects</numerusform>
            </translation>
        </message>
        <message>
            <source>協働事業の削除</source>
            <translation>Delete project</translation>
        </message>
        <message>
            <source>協働事業「{title}」を、パートナー・工程・活動記録・検証とともに削除しますか？
この操作は元に戻せません。やめた事業は、ステータスを「中止」にすると記録が残ります。</source>
            <translation>Delete the project "{title}" with its partners, milestones, activity records and evaluations?
This cannot be undone. For a project that was stopped, set its status to "Cancelled" instead to keep the record.</translation>
        </message>
        <message>
            <source>削除</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>削除できません</source>
            <translation>Cannot delete</translation>
        </message>
    </context>
    <context>
        <name>QuorumState</name>
        <message>
            <source>不成立</source>
            <translation>Not quorate</translation>
        </message>
        <message>
            <source>成立</source>
            <translation>Quorate</translation>
        </message>
        <message>
            <source>未確定</source>
            <translation>Not yet known</translation>
        </message>
    </context>
    <context>
        <name>QuorumWarning</name>
        <message>
            <source>定足数に達していません（委員{total}名中{n}名出席、成立には{need}名）。議決・決定事項は、議事録では「協議の記録であり、議決ではありません」と注記して印刷されます。</source>
            <translation>No quorum ({n} of {total} members present, {need} needed). Resolutions and decisions will be printed in the minutes with the remark that they are a record of discussion, not resolutions.</translation>
        </message>
        <message>
            <source>出欠が未確認の委員が{n}名いるため、会議の成立が未確定です。議決・決定事項を入れる前に、「出欠」で出欠を入力してください。</source>
            <translation>{n} member(s) have unconfirmed attendance, so the quorum is not yet known. Enter the attendance on the “Attendance” tab before entering resolutions or decisions.</translation>
        </message>
    </context>
    <context>
        <name>RecordListPage</name>
        <message numerus="yes">
            <source>%n件</source>
            <translation>
                <numerusform>%n record</numerusform>
                <numerusform>%n records</numerusform>
            </translation>
        </message>
        <message>
            <source>すべての年度</source>
            <translation>All fiscal years</translation>
        </message>
        <message>
            <source>年度で絞り込み</source>
            <translation>Filter by fiscal year</translation>
        </message>
        <message>
            <source>新規登録</source>
            <translation>New</translation>
        </message>
        <message>
            <source>削除</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>{name}を削除しますか？
削除すると元に戻せません。</source>
            <translation>Delete {name}?
This cannot be undone.</translation>
        </message>
    </context>
    <context>
        <name>RecordSection</name>
        <message>
            <source>追加…</source>
            <translation>Add…</translation>
        </message>
        <message>
            <source>編集…</source>
            <translation>Edit…</translation>
        </message>
        <message>
            <source>削除</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>編集する行を一覧で選んでください。</source>
            <translation>Choose the row to edit in the list.</translation>
        </message>
        <message>
            <source>削除する行を一覧で選んでください。</source>
            <translation>Choose the row to delete in the list.</translation>
        </message>
    </context>
    <context>
        <name>RepliesDialog</name>
        <message>
            <source>出欠回答の入力</source>
            <extracomment>再読み込み after a conflict keeps the replies chosen here (only the others take the saved ones).</extracomment>
            <translation>Enter replies</translation>
        </message>
        <message>
            <source>{title}（{date}）</source>
            <translation>{title} ({date})</translation>
        </message>
        <message>
            <source>出欠票を見ながら、数字（0 未回答・1 出席・2 欠席・3 委任）を押して Tab で次の方へ進めます。</source>
            <translation>With the reply slips at hand, press a digit (0 no reply, 1 attending, 2 absent, 3 proxy) and Tab to the next person.</translation>
        </message>
        <message>
            <source>受付日</source>
            <translation>Received on</translation>
        </message>
        <message>
            <source>この日に届いた回答として記録します。</source>
            <translation>Replies are recorded as received on this day.</translation>
        </message>
        <message>
            <source>委員（定足数に数えます）</source>
            <translation>Members (counted for the quorum)</translation>
        </message>
        <message>
            <source>町職員</source>
            <translation>Town staff</translation>
        </message>
        <message>
            <source>この会議の「出欠」に名簿の方がいません。会議を開いて出欠の名簿を確かめてください。</source>
            <translation>This meeting's attendance has nobody from the roster. Open the meeting and check its attendance list.</translation>
        </message>
        <message>
            <source>会議の出欠回答</source>
            <translation>meeting's attendance replies</translation>
        </message>
        <message>
            <source>あなたの入力</source>
            <translation>Your input</translation>
        </message>
        <message>
            <source>再読み込み: ほかの人が保存した回答を読み込みます。ここで入力した回答はそのまま残ります。
上書き: 表の方の回答を、ここで入力した回答で保存し直します（表にない方の回答はそのままです）。
キャンセル: 入力画面に戻ります（入力した内容はそのままです）。</source>
            <translation>Reload: load the replies the other person saved. The replies entered here stay as they are.
Overwrite: save the replies of the people in the table as entered here (replies of people not in the table stay as they are).
Cancel: go back to the form (what you entered stays as it is).</translation>
        </message>
        <message>
            <source>ほかの人が保存した回答を読み込みました。</source>
            <translation>The replies another person saved have been loaded.</translation>
        </message>
        <message>
            <source>ほかの人が保存した回答を読み込みました。ここで入力した回答（{names}）はそのままです。確かめてから、もう一度保存してください。</source>
            <translation>The replies another person saved have been loaded. The replies you entered here ({names}) are unchanged. Check them, then save again.</translation>
        </message>
        <message>
            <source>、</source>
            <translation>; </translation>
        </message>
        <message>
            <source>0 未回答</source>
            <translation>0 No reply</translation>
        </message>
        <message>
            <source>1 出席</source>
            <translation>1 Attending</translation>
        </message>
        <message>
            <source>2 欠席</source>
            <translation>2 Absent</translation>
        </message>
        <message>
            <source>3 委任（代理人）</source>
            <translation>3 Proxy</translation>
        </message>
        <message>
            <source>{name}さんの代理人</source>
            <translation>Proxy for {name}</translation>
        </message>
        <message>
            <source>{name}さんの回答</source>
            <translation>Reply of {name}</translation>
        </message>
        <message>
            <source>{reply}（代理人: {proxy}）</source>
            <translation>{reply} (proxy: {proxy})</translation>
        </message>
        <message>
            <source>代理人の氏名</source>
            <translation>Proxy's name</translation>
        </message>
        <message>
            <source>回答済 {replied} / 未回答 {unreplied} — {state}（委員{total}名中 出席・委任 {n}名、成立には{need}名）</source>
            <translation>Replied {replied} / not yet {unreplied} — {state} ({n} of {total} members attending or by proxy; {need} needed)</translation>
        </message>
        <message>
            <source>定足数に達しない見込み</source>
            <translation>Quorum not expected</translation>
        </message>
        <message>
            <source>成立見込み</source>
            <translation>Quorum expected</translation>
        </message>
        <message>
            <source>未回答</source>
            <translation>No reply</translation>
        </message>
        <message>
            <source>未回答の方の出欠しだい</source>
            <translation>Depends on those who have not replied</translation>
        </message>
    </context>
    <context>
        <name>Reply</name>
        <message>
            <source>出席</source>
            <translation>Present</translation>
        </message>
        <message>
            <source>委任</source>
            <translation>Proxy</translation>
        </message>
        <message>
            <source>欠席</source>
            <translation>Absent</translation>
        </message>
    </context>
    <context>
        <name>ReplyBar</name>
        <message>
            <source>出欠回答を入力…</source>
            <extracomment>回答から出欠を入れる changed the attendance rows.</extracomment>
            <translation>Enter replies…</translation>
        </message>
        <message>
            <source>回答から出欠を入れる</source>
            <translation>Fill attendance from replies</translation>
        </message>
        <message>
            <source>未確認の方に、出欠票の回答（出席・欠席・委任）を入れます。当日の実際の出欠に直してから保存してください。</source>
            <translation>Sets unconfirmed rows from the replies (attending, absent, proxy). Correct them to the real attendance, then save.</translation>
        </message>
        <message>
            <source>開催通知を印刷…</source>
            <translation>Print meeting notice…</translation>
        </message>
        <message>
            <source>宛名ラベルを印刷…</source>
            <translation>Print address labels…</translation>
        </message>
        <message>
            <source>出欠の回答（開催通知の出欠票）</source>
            <translation>Replies (from the notice's reply slips)</translation>
        </message>
        <message>
            <source>{n}名の出欠に回答を入れました。当日の実際の出欠に直してから保存してください。</source>
            <translation>Filled {n} rows from the replies. Correct them to the real attendance, then save.</translation>
        </message>
    </context>
    <context>
        <name>Restore</name>
        <message>
            <source>起動時</source>
            <extracomment>Why a backup was taken, for the translation (the service's REASON_LABELS, by code).</extracomment>
            <translation>At start</translation>
        </message>
        <message>
            <source>自動（作業中30分ごと）</source>
            <translation>Automatic (every 30 minutes of work)</translation>
        </message>
        <message>
            <source>終了時</source>
            <translation>At close</translation>
        </message>
        <message>
            <source>手動</source>
            <translation>Manual</translation>
        </message>
        <message>
            <source>形式の更新前</source>
            <translation>Before a format update</translation>
        </message>
        <message>
            <source>復元の直前</source>
            <translation>Just before a restore</translation>
        </message>
        <message>
            <source>取り込みの直前</source>
            <translation>Just before an import</translation>
        </message>
        <message>
            <source>{size} KB</source>
            <translation>{size} KB</translation>
        </message>
    </context>
    <context>
        <name>RestoreDialog</name>
        <message>
            <source>バックアップから復元</source>
            <translation>Restore from a backup</translation>
        </message>
        <message>
            <source>作成日時</source>
            <translation>Taken</translation>
        </message>
        <message>
            <source>いつ作ったか</source>
            <translation>Why</translation>
        </message>
        <message>
            <source>入っているデータ</source>
            <translation>Contents</translation>
        </message>
        <message>
            <source>最後の変更</source>
            <translation>Last change</translation>
        </message>
        <message>
            <source>大きさ</source>
            <translation>Size</translation>
        </message>
        <message>
            <source>バックアップの一覧</source>
            <translation>List of backups</translation>
        </message>
        <message>
            <source>このバックアップから復元…</source>
            <translation>Restore this backup…</translation>
        </message>
        <message>
            <source>ファイルから…</source>
            <translation>From a file…</translation>
        </message>
        <message>
            <source>USBメモリなど、ほかの場所にあるバックアップのファイルから復元します</source>
            <translation>Restore from a backup file kept elsewhere, such as a USB stick</translation>
        </message>
        <message>
            <source>閉じる</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>復元すると、今のデータは選んだバックアップの内容に置き換わります。今のデータは復元の直前に自動でバックアップするので、あとで戻すこともできます。</source>
            <translation>Restoring replaces the current data with the chosen backup. The current data is backed up just before, so you can go back later.</translation>
        </message>
        <message>
            <source>町のサーバーのデータは、ここでは復元できません。サーバーの管理者に依頼してください。</source>
            <translation>Data on the town server cannot be restored here. Ask the server's administrator.</translation>
        </message>
        <message>
            <source>今のデータ: {summary}</source>
            <translation>Current data: {summary}</translation>
        </message>
        <message>
            <source>バックアップの保存場所: {folder}</source>
            <translation>Backups are kept in: {folder}</translation>
        </message>
        <message>
            <source>読み取り専用で開いているため復元できません。通常どおり開き直してから復元してください。</source>
            <translation>Opened read-only: nothing can be restored. Open the file again normally, then restore.</translation>
        </message>
        <message>
            <source>バックアップを調べています…</source>
            <translation>Looking at the backups…</translation>
        </message>
        <message numerus="yes">
            <source>バックアップ %n件（新しい順）</source>
            <translation>
                <numerusform>%n backup (newest first)</numerusform>
                <numerusform>%n backups (newest first)</numerusform>
            </translation>
        </message>
        <message>
            <source>バックアップはまだありません。</source>
            <translation>No backups yet.</translation>
        </message>
        <message>
            <source>選んだバックアップ: {when}（{reason}）— {contents}</source>
            <translation>Chosen backup: {when} ({reason}) — {contents}</translation>
        </message>
        <message>
            <source>バックアップのファイルを選ぶ</source>
            <translation>Choose the backup file</translation>
        </message>
        <message>
            <source>バックアップ (*.db *.sqlite *.sqlite3 *.bak)</source>
            <translation>Backups (*.db *.sqlite *.sqlite3 *.bak)</translation>
        </message>
        <message>
            <source>すべてのファイル (*)</source>
            <translation>All files (*)</translation>
        </message>
        <message>
            <source>そのファイルを読めません。ファイルの場所を確かめてください。</source>
            <translation>That file cannot be read. Check where it is.</translation>
        </message>
        <message>
            <source>別のファイルを選んでください。</source>
            <translation>Please choose another file.</translation>
        </message>
        <message>
            <source>{when}のバックアップに戻しますか？

バックアップの内容: {then}
今のデータ: {now}

{when}より後に入力した内容は、戻したデータには入っていません。今のデータは復元の直前にバックアップします。</source>
            <translation>Go back to the backup of {when}?

The backup holds: {then}
Current data: {now}

Anything entered after {when} is not in the restored data. The current data is backed up just before the restore.</translation>
        </message>
        <message>
            <source>復元する</source>
            <translation>Restore</translation>
        </message>
        <message>
            <source>バックアップから復元しています…</source>
            <translation>Restoring from the backup…</translation>
        </message>
        <message>
            <source>復元できませんでした。今のデータはそのままです。</source>
            <translation>Could not restore. The current data is unchanged.</translation>
        </message>
        <message>
            <source>{when}のバックアップから復元しました。</source>
            <translation>Restored the backup of {when}. </translation>
        </message>
        <message>
            <source>復元する前のデータは、次のファイルに保存しました: {path}</source>
            <translation>The data as it was before the restore is saved in: {path}</translation>
        </message>
        <message>
            <source>壊れていたデータファイルは、次の名前で残してあります: {path}</source>
            <translation>The damaged data file is kept as: {path}</translation>
        </message>
    </context>
    <context>
        <name>ReviseDialog</name>
        <message>
            <source>確定した議事録の修正</source>
            <translation>Revising approved minutes</translation>
        </message>
        <message>
            <source>修正を保存</source>
            <translation>Save revision</translation>
        </message>
        <message>
            <source>修正すると第{n}版になります。第{m}版までの内容はそのまま残り、いつでも印刷できます。</source>
            <translation>Revising makes version {n}. Versions up to {m} are kept as they are and can be printed at any time.</translation>
        </message>
        <message>
            <source>修正の理由</source>
            <translation>Reason for the revision</translation>
        </message>
        <message>
            <source>例: 決定事項の記載漏れを追加</source>
            <translation>e.g. Added a decision that was left out</translation>
        </message>
    </context>
    <context>
        <name>Roster</name>
        <message>
            <source> ほか{n}</source>
            <translation> and {n} more</translation>
        </message>
        <message>
            <source>{role}（{post}）</source>
            <translation>{role} ({post})</translation>
        </message>
        <message>
            <source>フリガナ</source>
            <translation>Reading (kana)</translation>
        </message>
        <message>
            <source>任期</source>
            <translation>Term</translation>
        </message>
        <message>
            <source>学区</source>
            <translation>District</translation>
        </message>
        <message>
            <source>役割</source>
            <translation>Role</translation>
        </message>
        <message>
            <source>役職</source>
            <translation>Post</translation>
        </message>
        <message>
            <source>所属: {org}</source>
            <translation>Affiliation: {org}</translation>
        </message>
        <message>
            <source>氏名</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>退任日 {date}</source>
            <translation>Left office {date}</translation>
        </message>
        <message>
            <source>連絡先</source>
            <translation>Contact</translation>
        </message>
        <message>
            <source>（{status}）</source>
            <translation>({status})</translation>
        </message>
        <message>
            <source>（学区なし）</source>
            <translation>(no district)</translation>
        </message>
    </context>
    <context>
        <name>RosterPage</name>
        <message>
            <source>名簿</source>
            <translation>Members</translation>
        </message>
        <message>
            <source>氏名・フリガナ・団体・備考で検索（Ctrl+F）</source>
            <translation>Search by name, reading, organisation or notes (Ctrl+F)</translation>
        </message>
        <message>
            <source>すべての役割</source>
            <translation>All roles</translation>
        </message>
        <message>
            <source>すべての役職</source>
            <translation>All posts</translation>
        </message>
        <message>
            <source>すべての任期</source>
            <translation>All terms</translation>
        </message>
        <message>
            <source>削除した人を表示</source>
            <translation>Show removed people</translation>
        </message>
        <message>
            <source>役割で絞り込み</source>
            <translation>Filter by role</translation>
        </message>
        <message>
            <source>役職で絞り込み</source>
            <translation>Filter by post</translation>
        </message>
        <message>
            <source>任期で絞り込み</source>
            <translation>Filter by term</translation>
        </message>
        <message>
            <source>元に戻す</source>
            <translation>Undo</translation>
        </message>
        <message>
            <source>取り込み…</source>
            <translation>Import…</translation>
        </message>
        <message>
            <source>名簿を印刷…</source>
            <translation>Print roster…</translation>
        </message>
        <message>
            <source>新規登録</source>
            <translation>New</translation>
        </message>
        <message>
            <source>宛名ラベルを印刷…</source>
            <translation>Print address labels…</translation>
        </message>
        <message numerus="yes">
            <source>%n名（削除済み）</source>
            <translation>
                <numerusform>%n person (removed)</numerusform>
                <numerusform>%n people (removed)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n名以上</source>
            <translation>
                <numerusform>%n+ people</numerusform>
                <numerusform>%n+ people</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n名</source>
            <translation>
                <numerusform>%n person</numerusform>
                <numerusform>%n people</numerusform>
            </translation>
        </message>
        <message>
            <source>名簿から削除</source>
            <translation>Remove from roster</translation>
        </message>
        <message>
            <source>「{name}」さんを名簿から削除しますか？
削除した後も「元に戻す」で戻せます。</source>
            <translation>Remove {name} from the roster?
You can bring them back with "Undo".</translation>
        </message>
        <message>
            <source>削除</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>「{name}」さんを名簿から削除しました。</source>
            <translation>{name} was removed from the roster.</translation>
        </message>
        <message>
            <source>完全に削除</source>
            <translation>Erase completely</translation>
        </message>
        <message>
            <source>「{name}」さんの記録を完全に消しますか？
この操作は元に戻せません。</source>
            <translation>Erase all records of {name} completely?
This cannot be undone.</translation>
        </message>
        <message>
            <source>削除しています…</source>
            <translation>Deleting…</translation>
        </message>
        <message>
            <source>完全には削除できません</source>
            <translation>Cannot be erased completely</translation>
        </message>
    </context>
    <context>
        <name>RowsEditor</name>
        <message>
            <source>編集</source>
            <translation>Edit</translation>
        </message>
        <message>
            <source>削除</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>上へ</source>
            <translation>Up</translation>
        </message>
        <message>
            <source>下へ</source>
            <translation>Down</translation>
        </message>
    </context>
    <context>
        <name>SectionEditor</name>
        <message>
            <source>見出し</source>
            <translation>Heading</translation>
        </message>
        <message>
            <source>● 保存していない変更があります</source>
            <translation>● There are unsaved changes</translation>
        </message>
        <message>
            <source>保存履歴…</source>
            <translation>Saved versions…</translation>
        </message>
        <message>
            <source>保存…</source>
            <translation>Save…</translation>
        </message>
        <message>
            <source>左の一覧から章や節を選ぶと、ここで編集できます。</source>
            <translation>Choose a chapter or section in the list on the left to edit it here.</translation>
        </message>
        <message>
            <source>{label}・{when}・{author}「{summary}」</source>
            <translation>{label} · {when} · {author} "{summary}"</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <source>設定</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>学区と協議会</source>
            <translation>Districts and councils</translation>
        </message>
        <message>
            <source>新規登録</source>
            <translation>New</translation>
        </message>
        <message>
            <source>編集</source>
            <translation>Edit</translation>
        </message>
        <message>
            <source>上へ</source>
            <translation>Up</translation>
        </message>
        <message>
            <source>下へ</source>
            <translation>Down</translation>
        </message>
        <message>
            <source>学区を統合…</source>
            <translation>Merge districts…</translation>
        </message>
        <message>
            <source>学区再編の記録</source>
            <translation>Redistricting history</translation>
        </message>
        <message>
            <source>文字サイズ</source>
            <translation>Text size</translation>
        </message>
        <message>
            <source>Ctrl＋「＋」で大きく、Ctrl＋「－」で小さくなります。</source>
            <translation>Ctrl + "+" makes text larger, Ctrl + "-" smaller.</translation>
        </message>
        <message>
            <source>表示言語</source>
            <translation>Language</translation>
        </message>
        <message>
            <source>言語を変えると、画面が作り直されます。日付は日本語では和暦、英語では西暦で表示します。</source>
            <translation>Changing the language rebuilds the window. Dates are shown in the Japanese era calendar in Japanese and in the Gregorian calendar in English.</translation>
        </message>
    </context>
    <context>
        <name>SharedServer</name>
        <message>
            <source>町のサーバーに接続…</source>
            <translation>Connect to the town server…</translation>
        </message>
        <message>
            <source>利用者の管理…</source>
            <translation>Manage users…</translation>
        </message>
        <message>
            <source>利用者: {0}</source>
            <translation>User: {0}</translation>
        </message>
        <message>
            <source>サーバーに接続しています…</source>
            <translation>Connecting to the server…</translation>
        </message>
        <message>
            <source>サーバーに接続しました: {0}</source>
            <translation>Connected to the server: {0}</translation>
        </message>
        <message>
            <source>サーバーに接続できませんでした</source>
            <translation>Could not connect to the server</translation>
        </message>
        <message>
            <source>利用者の一覧を開けませんでした</source>
            <translation>Could not open the list of users</translation>
        </message>
    </context>
    <context>
        <name>StaffActivityDialog</name>
        <message>
            <source>職員地域活動の変更</source>
            <translation>Change staff activity</translation>
        </message>
        <message>
            <source>職員地域活動を記録</source>
            <translation>Record staff activity</translation>
        </message>
        <message>
            <source>{name}（{districts}）</source>
            <translation>{name} ({districts})</translation>
        </message>
        <message>
            <source>（選んでください）</source>
            <translation>(please choose)</translation>
        </message>
        <message>
            <source>例: ごみゼロ・草ゼロ（春）</source>
            <translation>e.g. Zero litter, zero weeds (spring)</translation>
        </message>
        <message>
            <source>（学区なし）</source>
            <translation>(no district)</translation>
        </message>
        <message>
            <source> 時間</source>
            <translation> hours</translation>
        </message>
        <message>
            <source>職員</source>
            <translation>Staff</translation>
        </message>
        <message>
            <source>実施日</source>
            <translation>Held on</translation>
        </message>
        <message>
            <source>活動名</source>
            <translation>Activity</translation>
        </message>
        <message>
            <source>学区</source>
            <translation>District</translation>
        </message>
        <message>
            <source>時間数</source>
            <translation>Hours</translation>
        </message>
        <message>
            <source>備考</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>職員を選んでください。</source>
            <translation>Please choose a staff member.</translation>
        </message>
        <message>
            <source>実施日を入力してください。</source>
            <translation>Please enter the date it was held.</translation>
        </message>
        <message>
            <source>職員地域活動の記録</source>
            <translation>Staff community activity record</translation>
        </message>
    </context>
    <context>
        <name>StaffDialog</name>
        <message>
            <source>担当職員を追加</source>
            <translation>Add staff member</translation>
        </message>
        <message>
            <source>（選んでください）</source>
            <translation>(please choose)</translation>
        </message>
        <message>
            <source>地区担当職員</source>
            <translation>District staff</translation>
        </message>
        <message>
            <source>名簿で役割が「地区担当職員」の人から選びます。</source>
            <translation>Choose from people whose role on the roster is "District staff".</translation>
        </message>
        <message>
            <source>担当内容</source>
            <translation>Responsibilities</translation>
        </message>
        <message>
            <source>担当する職員を選んでください。</source>
            <translation>Please choose the staff member in charge.</translation>
        </message>
    </context>
    <context>
        <name>StartupDialog</name>
        <message>
            <source>起業記録の編集</source>
            <translation>Edit start-up record</translation>
        </message>
        <message>
            <source>起業記録を登録</source>
            <translation>Register start-up</translation>
        </message>
        <message>
            <source>（学区なし）</source>
            <translation>(no district)</translation>
        </message>
        <message>
            <source>起業者の氏名</source>
            <translation>Entrepreneur's name</translation>
        </message>
        <message>
            <source>起業日（開業日）</source>
            <translation>Start-up date (opening day)</translation>
        </message>
        <message>
            <source>事業名</source>
            <translation>Project name</translation>
        </message>
        <message>
            <source>分野</source>
            <translation>Field</translation>
        </message>
        <message>
            <source>一覧から選ぶか、入力してください。</source>
            <translation>Choose from the list or type it in.</translation>
        </message>
        <message>
            <source>学区</source>
            <translation>District</translation>
        </message>
        <message>
            <source>備考</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>起業記録</source>
            <translation>Start-up record</translation>
        </message>
    </context>
    <context>
        <name>StartupsPage</name>
        <message>
            <source>起業者・事業名・分野で検索（Ctrl+F）</source>
            <translation>Search by entrepreneur, business or field (Ctrl+F)</translation>
        </message>
        <message>
            <source>「{person}」さんの起業記録</source>
            <translation>Start-up record of {person}</translation>
        </message>
    </context>
    <context>
        <name>Status</name>
        <message>
            <source>期限切れ</source>
            <translation>Overdue</translation>
        </message>
        <message>
            <source>下書き</source>
            <translation>Draft</translation>
        </message>
        <message>
            <source>確定</source>
            <translation>Approved</translation>
        </message>
        <message>
            <source>中止</source>
            <translation>Cancelled</translation>
        </message>
        <message>
            <source>満了間近</source>
            <translation>Term ending soon</translation>
        </message>
        <message>
            <source>退任</source>
            <translation>Left office</translation>
        </message>
        <message>
            <source>就任前</source>
            <translation>Not yet in office</translation>
        </message>
        <message>
            <source>削除済み</source>
            <translation>Deleted</translation>
        </message>
        <message>
            <source>統合済み</source>
            <translation>Merged</translation>
        </message>
        <message>
            <source>上書き</source>
            <translation>Override</translation>
        </message>
        <message>
            <source>手入力</source>
            <translation>Manual</translation>
        </message>
        <message>
            <source>予算超過</source>
            <translation>Over budget</translation>
        </message>
        <message>
            <source>訂正</source>
            <translation>Correction</translation>
        </message>
    </context>
    <context>
        <name>StepDialog</name>
        <message>
            <source>変更後のステータス</source>
            <extracomment>perform(target, day, comment, amount, version) → the service's DTO (raises DomainError to keep the dialog open); ``version`` is the record's version the step is based on (None while not guarded).</extracomment>
            <translation>New status</translation>
        </message>
        <message>
            <source>この段階からは、これ以上変更できません。</source>
            <translation>No further changes are possible from this step.</translation>
        </message>
        <message>
            <source>変更日</source>
            <translation>Date of change</translation>
        </message>
        <message>
            <source>コメント</source>
            <translation>Comment</translation>
        </message>
        <message>
            <source>変更する</source>
            <translation>Change</translation>
        </message>
        <message>
            <source>コメント（必須: 理由を書いてください）</source>
            <translation>Comment (required: give the reason)</translation>
        </message>
    </context>
    <context>
        <name>SubjectDialog</name>
        <message>
            <source>科目の追加</source>
            <translation>Add account item</translation>
        </message>
        <message>
            <source>例: 防災訓練費</source>
            <translation>e.g. disaster drill</translation>
        </message>
        <message>
            <source>（科目として追加する）</source>
            <translation>(add as an item of its own)</translation>
        </message>
        <message>
            <source>科目名</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>収入・支出</source>
            <translation>Income or expense</translation>
        </message>
        <message>
            <source>細目にするとき、その科目</source>
            <translation>Under item (for a sub-item)</translation>
        </message>
        <message>
            <source>細目は、親の科目と同じ収入・支出になります。</source>
            <translation>A sub-item is income or expense like its item.</translation>
        </message>
    </context>
    <context>
        <name>SubjectEditDialog</name>
        <message>
            <source>科目の修正</source>
            <translation>Edit subject</translation>
        </message>
        <message>
            <source>（使わない）</source>
            <translation> (not in use)</translation>
        </message>
        <message>
            <source>新しい記帳と予算で使う</source>
            <translation>Use for new entries and budgets</translation>
        </message>
        <message>
            <source>直す科目</source>
            <translation>Subject</translation>
        </message>
        <message>
            <source>科目名</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>使う・使わない</source>
            <translation>In use</translation>
        </message>
        <message>
            <source>外すと、新しい記帳と予算で選べなくなります。これまでの記帳と帳票には、そのまま残ります。</source>
            <translation>Unticked, it is no longer offered for new entries and budgets. Entries and papers that have it keep it.</translation>
        </message>
        <message>
            <source>直す科目を選んでください。</source>
            <translation>Choose the subject to edit.</translation>
        </message>
        <message>
            <source>この科目</source>
            <translation>this subject</translation>
        </message>
    </context>
    <context>
        <name>SubjectKind</name>
        <message>
            <source>収入</source>
            <translation>Income</translation>
        </message>
        <message>
            <source>支出</source>
            <translation>Expense</translation>
        </message>
    </context>
    <context>
        <name>SubjectRole</name>
        <message>
            <source>—</source>
            <translation>—</translation>
        </message>
        <message>
            <source>予備費</source>
            <translation>Reserve</translation>
        </message>
        <message>
            <source>前年度繰越金</source>
            <translation>Carried over</translation>
        </message>
    </context>
    <context>
        <name>TermStatus</name>
        <message>
            <source>3か月以内に任期満了</source>
            <translation>Term ends within 3 months</translation>
        </message>
        <message>
            <source>就任前</source>
            <translation>Not yet in office</translation>
        </message>
        <message>
            <source>現任</source>
            <translation>In office</translation>
        </message>
        <message>
            <source>退任</source>
            <translation>Left office</translation>
        </message>
    </context>
    <context>
        <name>TextSize</name>
        <message>
            <source>小</source>
            <translation>Small</translation>
        </message>
        <message>
            <source>中</source>
            <translation>Medium</translation>
        </message>
        <message>
            <source>大</source>
            <translation>Large</translation>
        </message>
        <message>
            <source>特大</source>
            <translation>Extra large</translation>
        </message>
    </context>
    <context>
        <name>TimeField</name>
        <message>
            <source>例: 19:00</source>
            <translation>e.g. 19:00</translation>
        </message>
    </context>
    <context>
        <name>TrainingDialog</name>
        <message>
            <source>研修の記録を変更</source>
            <translation>Change training record</translation>
        </message>
        <message>
            <source>研修を記録</source>
            <translation>Record training</translation>
        </message>
        <message>
            <source>例: 協働の基本（新任地区担当職員研修）</source>
            <translation>e.g. Basics of collaboration (training for new district staff)</translation>
        </message>
        <message>
            <source>例: 住民活動推進課</source>
            <translation>e.g. Community Activities Division</translation>
        </message>
        <message>
            <source> 時間</source>
            <translation> hours</translation>
        </message>
        <message>
            <source>参加した職員</source>
            <translation>Staff who took part</translation>
        </message>
        <message>
            <source>{name}（{districts}）</source>
            <translation>{name} ({districts})</translation>
        </message>
        <message>
            <source>実施日</source>
            <translation>Held on</translation>
        </message>
        <message>
            <source>研修名</source>
            <translation>Training</translation>
        </message>
        <message>
            <source>主催</source>
            <translation>Organiser</translation>
        </message>
        <message>
            <source>時間数</source>
            <translation>Hours</translation>
        </message>
        <message>
            <source>参加した人に印を付けます。名簿で役割が「地区担当職員」の人が並びます。</source>
            <translation>Tick those who took part. People whose role on the roster is "District staff" are listed.</translation>
        </message>
        <message>
            <source>資料・備考</source>
            <translation>Materials and notes</translation>
        </message>
        <message>
            <source>配った資料の名前や保管場所など。</source>
            <translation>Names of handouts, where they are kept, and so on.</translation>
        </message>
        <message>
            <source>（なし）</source>
            <translation>(none)</translation>
        </message>
        <message>
            <source>実施日を入力してください。</source>
            <translation>Please enter the date it was held.</translation>
        </message>
        <message>
            <source>研修の記録</source>
            <translation>Training records</translation>
        </message>
    </context>
    <context>
        <name>TrainingTab</name>
        <message>
            <source>研修の記録</source>
            <translation>Training records</translation>
        </message>
        <message>
            <source>研修名・主催・参加した職員・資料で検索（Ctrl+F）</source>
            <translation>Search training name, organiser, staff who attended, materials (Ctrl+F)</translation>
        </message>
        <message>
            <source>実施日</source>
            <translation>Held on</translation>
        </message>
        <message>
            <source>研修名</source>
            <translation>Training</translation>
        </message>
        <message>
            <source>主催</source>
            <translation>Organiser</translation>
        </message>
        <message>
            <source>時間</source>
            <translation>Hours</translation>
        </message>
        <message>
            <source>参加した職員</source>
            <translation>Staff who took part</translation>
        </message>
        <message numerus="yes">
            <source>%n名: {names}</source>
            <translation>
                <numerusform>%n person: {names}</numerusform>
                <numerusform>%n people: {names}</numerusform>
            </translation>
        </message>
        <message>
            <source>資料・備考</source>
            <translation>Materials and notes</translation>
        </message>
        <message>
            <source>変更…</source>
            <translation>Change…</translation>
        </message>
        <message>
            <source>削除…</source>
            <translation>Delete…</translation>
        </message>
        <message>
            <source>研修を記録…</source>
            <translation>Record training…</translation>
        </message>
        <message>
            <source>{name}さんの研修履歴（{where}）: {n}件・{h}時間</source>
            <translation>Training history of {name} ({where}): sessions: {n} · hours: {h}</translation>
        </message>
        <message>
            <source>研修（{where}）: {n}件・延べ{people}名</source>
            <translation>Training ({where}): sessions: {n} · participants in total: {people}</translation>
        </message>
        <message>
            <source>研修の記録を削除</source>
            <translation>Delete training record</translation>
        </message>
        <message numerus="yes">
            <source>{date}の研修「{title}」の記録（%n名分）を削除しますか？
この操作は元に戻せません。</source>
            <translation>
                <numerusform>Delete the record of the training "{title}" on {date} (%n person)?
This cannot be undone.</numerusform>
                <numerusform>Delete the record of the training "{title}" on {date} (%n people)?
This cannot be undone.</numerusform>
            </translation>
        </message>
        <message>
            <source>削除</source>
            <translation>Delete</translation>
        </message>
    </context>
    <context>
        <name>TransferDialog</name>
        <message>
            <source>振替（現金と預金のあいだ）</source>
            <translation>Transfer between cash and bank</translation>
        </message>
        <message>
            <source>預金から引き出して現金に</source>
            <translation>Withdraw from the bank into cash</translation>
        </message>
        <message>
            <source>現金を預金に預け入れ</source>
            <translation>Deposit cash into the bank</translation>
        </message>
        <message>
            <source>例: 小口現金の引き出し</source>
            <translation>e.g. petty cash withdrawal</translation>
        </message>
        <message>
            <source>日付</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>向き</source>
            <translation>Direction</translation>
        </message>
        <message>
            <source>金額（円）</source>
            <translation>Amount (yen)</translation>
        </message>
        <message>
            <source>摘要</source>
            <translation>Description</translation>
        </message>
        <message>
            <source>日付を入力してください。</source>
            <translation>Enter the date.</translation>
        </message>
        <message>
            <source>金額を入力してください。</source>
            <translation>Enter the amount.</translation>
        </message>
    </context>
    <context>
        <name>UndoBar</name>
        <message>
            <source>元に戻す</source>
            <translation>Undo</translation>
        </message>
        <message>
            <source>閉じる</source>
            <translation>Close</translation>
        </message>
    </context>
    <context>
        <name>UseList</name>
        <message>
            <source>科目で検索（Ctrl+F）</source>
            <translation>Search account items (Ctrl+F)</translation>
        </message>
        <message>
            <source>監査報告の文言…</source>
            <translation>Audit wording…</translation>
        </message>
        <message>
            <source>補助金の精算…</source>
            <translation>Grant settlement…</translation>
        </message>
        <message numerus="yes">
            <source>うち予算超過 %n科目</source>
            <translation>
                <numerusform>Over budget: %n subject</numerusform>
                <numerusform>Over budget: %n subjects</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>UserDialog</name>
        <message>
            <source>利用者の編集</source>
            <translation>Edit user</translation>
        </message>
        <message>
            <source>利用者を登録</source>
            <translation>Register user</translation>
        </message>
        <message>
            <source>ログイン名</source>
            <translation>Login name</translation>
        </message>
        <message>
            <source>サーバーの利用者名と同じにします（例: sato_hanako）。</source>
            <translation>Same as the user name on the server (e.g. sato_hanako).</translation>
        </message>
        <message>
            <source>表示名</source>
            <translation>Display name</translation>
        </message>
        <message>
            <source>例: 佐藤 花子</source>
            <translation>e.g. Hanako Sato</translation>
        </message>
        <message>
            <source>役割</source>
            <translation>Role</translation>
        </message>
        <message>
            <source>担当学区</source>
            <translation>Districts in charge</translation>
        </message>
        <message>
            <source>（なし）</source>
            <translation>(none)</translation>
        </message>
        <message>
            <source>利用者の登録内容</source>
            <translation>User details</translation>
        </message>
    </context>
    <context>
        <name>UserRole</name>
        <message>
            <source>協議会事務局</source>
            <translation>Council secretariat</translation>
        </message>
        <message>
            <source>地区担当職員</source>
            <translation>District staff</translation>
        </message>
        <message>
            <source>管理者</source>
            <translation>Administrator</translation>
        </message>
        <message>
            <source>閲覧のみ</source>
            <translation>Read only</translation>
        </message>
    </context>
    <context>
        <name>Users</name>
        <message>
            <source>ログイン名</source>
            <translation>Login name</translation>
        </message>
        <message>
            <source>役割</source>
            <translation>Role</translation>
        </message>
        <message>
            <source>担当学区</source>
            <translation>Districts in charge</translation>
        </message>
        <message>
            <source>表示名</source>
            <translation>Display name</translation>
        </message>
    </context>
    <context>
        <name>UsersDialog</name>
        <message>
            <source>利用者の管理</source>
            <extracomment>What the window shows first: who is connected, and the users.</extracomment>
            <translation>Users</translation>
        </message>
        <message>
            <source>接続中: {0}</source>
            <translation>Connected: {0}</translation>
        </message>
        <message>
            <source>このパソコンのファイルでは権限の制限はありません。ここで登録した利用者は、データをサーバーへ移したときに使われます。</source>
            <translation>A data file on this computer has no access restrictions. Users registered here take effect when the data is moved to the server.</translation>
        </message>
        <message>
            <source>利用者の登録・変更は管理者だけができます。</source>
            <translation>Only administrators can register or change users.</translation>
        </message>
        <message>
            <source>まだ利用者が登録されていません。最初に、いま接続しているあなた自身を管理者として登録してください。</source>
            <translation>No users are registered yet. First register yourself, as you are connected now, as an administrator.</translation>
        </message>
        <message>
            <source>新規登録</source>
            <translation>New</translation>
        </message>
        <message>
            <source>編集</source>
            <translation>Edit</translation>
        </message>
        <message>
            <source>削除</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>閉じる</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>利用者「{0}」の登録を削除しますか？このログインでは閲覧だけができるようになります。</source>
            <translation>Remove the user "{0}"? That login will then only be able to read.</translation>
        </message>
        <message>
            <source>利用者の削除</source>
            <translation>Remove user</translation>
        </message>
        <message>
            <source>削除できませんでした</source>
            <translation>Could not delete</translation>
        </message>
    </context>
    <context>
        <name>ValueKind</name>
        <message>
            <source>実績値</source>
            <translation>Actual value</translation>
        </message>
        <message>
            <source>現状値</source>
            <translation>Baseline</translation>
        </message>
        <message>
            <source>目標値</source>
            <translation>Target</translation>
        </message>
    </context>
    <context>
        <name>WarekiDateEdit</name>
        <message>
            <source>例: 令和8年4月1日 / R8.4.1 / 2026-04-01</source>
            <translation>e.g. 2026-04-01 / 令和8年4月1日 / R8.4.1</translation>
        </message>
    </context>
    <context>
        <name>WelcomeDialog</name>
        <message>
            <source>はじめに — 栄町 まちづくり協議会</source>
            <extracomment>The server URL (without any password) chosen at a start, offered again at the next start.</extracomment>
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
            <source>表示言語</source>
            <translation>Language</translation>
        </message>
        <message>
            <source>終了</source>
            <translation>Quit</translation>
        </message>
        <message>
            <source>中止</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>中止しています…</source>
            <translation>Stopping…</translation>
        </message>
        <message>
            <source>中止しました。データファイルは作っていません。</source>
            <translation>Stopped. No data file was made.</translation>
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
            <translation>e.g. 12000 or ¥12,000</translation>
        </message>
    </context>
    <context>
        <name>_RecordsTab</name>
        <message numerus="yes">
            <source>%n件</source>
            <extracomment>How many fiscal years back the year filters offer.</extracomment>
            <translation>
                <numerusform>%n record</numerusform>
                <numerusform>%n records</numerusform>
            </translation>
        </message>
        <message>
            <source>すべての年度</source>
            <translation>All fiscal years</translation>
        </message>
        <message>
            <source>年度で絞り込み</source>
            <translation>Filter by fiscal year</translation>
        </message>
        <message>
            <source>職員で絞り込み</source>
            <translation>Filter by staff</translation>
        </message>
        <message>
            <source>すべての職員</source>
            <translation>All staff</translation>
        </message>
        <message>
            <source>全年度</source>
            <translation>All years</translation>
        </message>
    </context>
    <context>
        <name>services</name>
        <message>
            <source>Excelファイルを読む部品が入っていません。CSVで保存して取り込んでください。</source>
            <translation>The component for reading Excel files is not installed. Save the file as CSV and import that instead.</translation>
        </message>
        <message>
            <source>Excel形式で書き出す部品が入っていません。CSVで書き出してください。</source>
            <translation>The component for exporting in Excel format is not installed. Export as CSV instead.</translation>
        </message>
        <message>
            <source>orphan</source>
            <translation>orphan</translation>
        </message>
        <message>
            <source>postgresql+psycopg:// で始まるサーバーのURLを指定してください。</source>
            <translation>Enter a server URL that starts with postgresql+psycopg://.</translation>
        </message>
        <message>
            <source>{date}は{actual}曜日です（{given}曜日ではありません）。</source>
            <translation>{date} is a {actual}, not a {given}.</translation>
        </message>
        <message>
            <source>{day}は扱える範囲の外です。明治以降、西暦9998年度までの日付を入力してください。</source>
            <translation>{day} is outside the range that can be handled. Enter a date from the Meiji era up to fiscal year 9998.</translation>
        </message>
        <message>
            <source>{era}は{start}からです。</source>
            <translation>{era} began on {start}.</translation>
        </message>
        <message>
            <source>{fiscal_year}の検証はすでに登録されています。そちらを編集してください。</source>
            <translation>The evaluation for {fiscal_year} is already registered. Please edit that one.</translation>
        </message>
        <message>
            <source>{fiscal_year}の第{number}回の会議は登録されていません。年度と回数を確かめてください。</source>
            <translation>Meeting No. {number} of {fiscal_year} is not registered. Check the fiscal year and the meeting number.</translation>
        </message>
        <message>
            <source>{fy}年度は扱える範囲（{min}年度〜{max}年度）の外です。{examples}のように入力してください。</source>
            <translation>FY{fy} is outside the range that can be handled (FY{min} to FY{max}). Enter it like {examples}.</translation>
        </message>
        <message>
            <source>{hint}この日は「{date}」です。</source>
            <translation>{hint} That date is "{date}".</translation>
        </message>
        <message>
            <source>{label}「{value}」が分かりません。{choices} のいずれかを入力してください。</source>
            <translation>{label} "{value}" is not recognised. Enter one of: {choices}.</translation>
        </message>
        <message>
            <source>{label}が{what}（{date}）より前になっています。日付を確認してください。</source>
            <translation>{label} is earlier than {what} ({date}). Please check the dates.</translation>
        </message>
        <message>
            <source>{label}が大きすぎます。桁を確認してください。</source>
            <translation>{label} is too large. Please check the number of digits.</translation>
        </message>
        <message>
            <source>{label}が決まっていません。入力してから確定してください。</source>
            <translation>{label} has not been set. Enter it before approving.</translation>
        </message>
        <message>
            <source>{label}が長すぎます（{max_len}文字まで）。分けて入力してください。</source>
            <translation>{label} is too long (up to {max_len} characters). Please split it into separate entries.</translation>
        </message>
        <message>
            <source>{label}が長すぎます（{max_len}文字まで）。短くしてください。</source>
            <translation>{label} is too long (up to {max_len} characters). Please shorten it.</translation>
        </message>
        <message>
            <source>{label}に負の数は入力できません。0以上を入力してください。</source>
            <translation>{label} cannot be negative. Enter 0 or more.</translation>
        </message>
        <message>
            <source>{label}は、ステータスが「{status}」の間は入力できません。空欄にしてください。</source>
            <translation>{label} cannot be entered while the status is "{status}". Please leave it blank.</translation>
        </message>
        <message>
            <source>{label}は交付決定の後に入力できます（今は「{status}」です）。空欄にしてください。</source>
            <translation>{label} can be entered only after the grant is decided (the status is now "{status}"). Please leave it blank.</translation>
        </message>
        <message>
            <source>{label}は整数で入力してください。</source>
            <translation>Enter {label} as a whole number.</translation>
        </message>
        <message>
            <source>{label}を入力してください。</source>
            <translation>Enter {label}.</translation>
        </message>
        <message>
            <source>{label}（{n}件目）</source>
            <translation>{label} (item {n})</translation>
        </message>
        <message>
            <source>{label}（{value}）は扱える範囲の外です。年を確認して、明治以降の日付を入力してください。</source>
            <translation>{label} ({value}) is outside the range that can be handled. Check the year and enter a date from the Meiji era onwards.</translation>
        </message>
        <message>
            <source>Excelファイルの文字が多すぎて取り込めません。ファイルを分けて取り込んでください。</source>
            <translation>The Excel file holds too much text to import. Split it into smaller files and import them one by one.</translation>
        </message>
        <message>
            <source>overspend_reason</source>
            <translation>overspend_reason</translation>
        </message>
        <message>
            <source>{district}の{year}の会計帳簿はまだありません。会計の画面で年度を開いてください。</source>
            <translation>{district} has no books for {year} yet. Open the year on the Accounts page.</translation>
        </message>
        <message>
            <source>{fields}に見えない制御文字（NUL）が入っています。元のファイルでこの行を入力し直してください。</source>
            <translation>{fields} contains an invisible control character (NUL). Retype this row in the original file.</translation>
        </message>
        <message>
            <source>{label}が大きすぎます（{max}まで）。桁を確認してください。</source>
            <translation>{label} is too large (up to {max}). Check the number of digits.</translation>
        </message>
        <message>
            <source>{label}に負の数は入力できません。0円以上を入力してください。</source>
            <translation>{label} cannot be negative. Enter ¥0 or more.</translation>
        </message>
        <message>
            <source>{label}は円単位の整数で入力してください。</source>
            <translation>Enter {label} as a whole number of yen.</translation>
        </message>
        <message>
            <source>{label}を選んでください。</source>
            <translation>Choose {label}.</translation>
        </message>
        <message>
            <source>{line}行目: {why}</source>
            <translation>Line {line}: {why}</translation>
        </message>
        <message>
            <source>{line}行目に入金と出金の両方があります。通帳で確かめて手で記帳してください。</source>
            <translation>Line {line} has both a deposit and a withdrawal. Check the passbook and enter it by hand.</translation>
        </message>
        <message>
            <source>{line}行目の{label}が大きすぎます。</source>
            <translation>{label} on line {line} is too large.</translation>
        </message>
        <message>
            <source>{line}行目の「"」（引用符）が閉じられていないため、{line}〜{last}行目の{n}行がひとつにつながり、読めません。引用符を閉じるか消してから取り込んでください。</source>
            <translation>The quotation mark (") on line {line} is never closed, so lines {line}–{last} ({n} lines) run together and cannot be read. Close or remove the quotation mark, then import again.</translation>
        </message>
        <message>
            <source>{line}行目の「"」（引用符）が閉じられていないため、見出しの行まで読めません。引用符を閉じるか消してから取り込んでください。</source>
            <translation>The quotation mark (") on line {line} is never closed, so the file cannot be read as far as its header row. Close or remove the quotation mark, then import again.</translation>
        </message>
        <message>
            <source>{line}行目の「"」（引用符）の使い方が正しくないため、この行を読めません。引用符を直すか消してから取り込んでください。</source>
            <translation>The quotation marks (") on line {line} are used incorrectly, so this line cannot be read. Fix or remove them, then import again.</translation>
        </message>
        <message>
            <source>{line}行目の列が多すぎます（{limit}列まで）。右の方の余計なセルを消してから取り込んでください。</source>
            <translation>Line {line} has too many columns (at most {limit}). Delete the extra cells on the right, then import again.</translation>
        </message>
        <message>
            <source>{line}行目を読めません: {why}</source>
            <translation>Line {line} cannot be read: {why}</translation>
        </message>
        <message>
            <source>{line}行目（{date}）は{year}の外のため取り込みません。</source>
            <translation>Line {line} ({date}) is outside {year} and is not imported.</translation>
        </message>
        <message>
            <source>{line}行目（{text}）の科目を選んでください。</source>
            <translation>Choose the account subject for line {line} ({text}).</translation>
        </message>
        <message>
            <source>{message}{examples}のように入力してください。</source>
            <translation>{message} Enter it like {examples}.</translation>
        </message>
        <message>
            <source>{message}形式が古いなどの理由で書き換えられなかったバックアップ{kept}件には、まだ消去前の情報が残っています。</source>
            <translation>{message}{kept} backups that could not be rewritten (an older format, for example) still hold the data as it was before the erasure.</translation>
        </message>
        <message>
            <source>{month}はすでに月次確認済みです。</source>
            <translation>{month} has already been checked.</translation>
        </message>
        <message>
            <source>{month}は月次確認済みのため、この月の記帳は変更・削除・追加できません。誤りは、確認していない月の日付で「訂正」を記帳して取り消してください。</source>
            <translation>{month} has been checked, so its entries cannot be changed, deleted or added to. Cancel a mistake with a correction dated in a month not yet checked.</translation>
        </message>
        <message>
            <source>{names}さんの出欠回答は、あなたが開いた後に別の場所で保存されています。再読み込みしてから、もう一度保存してください。</source>
            <translation>The reply of {names} was saved elsewhere after you opened it. Reload, then save again.</translation>
        </message>
        <message>
            <source>{name}さんは「委任」です。代理人の氏名を入力してください。</source>
            <translation>{name} sends a proxy. Enter the proxy's name.</translation>
        </message>
        <message>
            <source>{n}行目に、Shift_JIS（CP932）では書けない文字「{bad}」があります。UTF-8で書き出してください。</source>
            <translation>Line {n} contains the character "{bad}", which cannot be written in Shift_JIS (CP932). Please export as UTF-8.</translation>
        </message>
        <message>
            <source>{post}が{count}人（{names}）になっています。{post}は一人にしてください。</source>
            <translation>{post}: {count} people ({names}). Only one person can be {post}.</translation>
        </message>
        <message>
            <source>{problem}別のバックアップを選んでください。</source>
            <translation>{problem} Please choose a different backup.</translation>
        </message>
        <message>
            <source>{role}が担当する学区を選んでください。</source>
            <translation>Choose the districts that the {role} is in charge of.</translation>
        </message>
        <message>
            <source>{role}の利用者は、データを変更できません（{what}の{action}）。変更が必要なときは、管理者に依頼してください。</source>
            <translation>Users with the role "{role}" cannot change data ({what}: {action}). If a change is needed, please ask an administrator.</translation>
        </message>
        <message>
            <source>{role}の利用者は、町全体のデータ（{what}）を{action}できません。管理者か地区担当職員に依頼してください。</source>
            <translation>Users with the role "{role}" cannot change town-wide data ({what}: {action}). Please ask an administrator or district liaison staff.</translation>
        </message>
        <message>
            <source>{role}の利用者（担当: {mine}）は、{theirs}の{what}を{action}できません。担当の学区のデータだけを変更できます。必要なときは、その学区の担当者か管理者に依頼してください。</source>
            <translation>Users with the role "{role}" (in charge of: {mine}) cannot change data of {theirs} ({what}: {action}). You can change only the data of your own districts. If needed, ask the person in charge of that district or an administrator.</translation>
        </message>
        <message>
            <source>{subject}の予算額</source>
            <translation>budget for {subject}</translation>
        </message>
        <message>
            <source>{user}さん</source>
            <translation>{user}</translation>
        </message>
        <message>
            <source>{what}の{action}は、その協議会の事務局と管理者だけができます（あなたは{role}です）。会計の担当者か管理者に依頼してください。</source>
            <translation>Only the council's secretariat and administrators can do this ({what}: {action}); you are {role}. Ask the treasurer or an administrator.</translation>
        </message>
        <message>
            <source>{what}の{action}は管理者だけができます。管理者に依頼してください。</source>
            <translation>Only an administrator can do this ({what}: {action}). Please ask an administrator.</translation>
        </message>
        <message>
            <source>{what}を作成できませんでした（{error}）。データファイル本体は無事です。保存先の空き容量と書き込み権限を確認してください。</source>
            <translation>{what} could not be created ({error}). The data file itself is unharmed. Check the free space and the write permission of the destination.</translation>
        </message>
        <message>
            <source>{what}を保存できませんでした。保存先（{folder}）に書き込む権限がありません。保存先を確認してください。データファイル本体は無事です。</source>
            <translation>{what} could not be saved: you do not have permission to write to the destination ({folder}). Please check the destination. The data file itself is unharmed.</translation>
        </message>
        <message>
            <source>{what}を保存できませんでした。保存先（{folder}）の空き容量が足りません。不要なファイルを削除してから、もう一度バックアップしてください。データファイル本体は無事です。</source>
            <translation>{what} could not be saved: there is not enough free space at the destination ({folder}). Delete files you no longer need, then back up again. The data file itself is unharmed.</translation>
        </message>
        <message>
            <source>{what}（ID {record_id}）が見つかりません。一覧を更新してください。</source>
            <translation>{what} (ID {record_id}) was not found. Please refresh the list.</translation>
        </message>
        <message>
            <source>{when}のバックアップから復元できます。</source>
            <translation>You can restore from the backup of {when}.</translation>
        </message>
        <message>
            <source>{year}の会計は決算確定済みのため変更できません。直す必要があるときは「決算の修正」で、理由を添えて修正してください。</source>
            <translation>The books of {year} are closed and cannot be changed. To correct them, use "Revise closed year" with a reason.</translation>
        </message>
        <message>
            <source>{year}も決算確定済みのため、繰越金を変えられません。先に{year}の決算の修正で対応してください。</source>
            <translation>{year} is closed too, so the carried-forward amount cannot change. Revise {year} first.</translation>
        </message>
        <message>
            <source>{{ と }} の数が合いません。年度は {{year}}、期間は {{period}} と書いてください。</source>
            <translation>The {{ and }} do not match. Write {{year}} for the year and {{period}} for the period.</translation>
        </message>
        <message>
            <source>「{current}」から「{new}」へは変更できません。変更できるのは: {nexts}</source>
            <translation>The status cannot be changed from "{current}" to "{new}". It can be changed to: {nexts}</translation>
        </message>
        <message>
            <source>「{kind}」は書き出せません。{kinds} のいずれかを指定してください。</source>
            <translation>"{kind}" cannot be exported. Specify one of: {kinds}.</translation>
        </message>
        <message>
            <source>「{name}」さんが出席者に二度入っています。一つにしてください。</source>
            <translation>{name} is listed twice among the attendees. Please keep only one.</translation>
        </message>
        <message>
            <source>「{name}」さんが改選後に二つの席に就くことになっています。交代の後任には、まだ委員でない人を選んでください。</source>
            <translation>{name} would hold two seats after the changeover. Choose a successor who is not yet on the council.</translation>
        </message>
        <message>
            <source>「{name}」さんの代理出席者名</source>
            <translation>Name of the proxy attending for {name}</translation>
        </message>
        <message>
            <source>「{name}」さんの任期が満了します。再任・退任・交代のどれかを選んでください。</source>
            <translation>{name}'s term ends. Choose renewed, ended or handed over.</translation>
        </message>
        <message>
            <source>「{name}」さんの任期はまだ続きます。「任期継続」のまま、役職だけを変えてください。</source>
            <translation>{name}'s term continues. Keep "term continues" and change only the post.</translation>
        </message>
        <message>
            <source>「{name}」さんの任期満了後の扱い（再任・退任・交代）を選んでください。</source>
            <translation>Choose what happens when {name}'s term ends (renewed, ended or handed over).</translation>
        </message>
        <message>
            <source>「{name}」さんの後任を名簿から選ぶか、新しい人の氏名を入力してください。</source>
            <translation>Pick {name}'s successor from the roster or type a new person's name.</translation>
        </message>
        <message>
            <source>「{name}」さんの所属</source>
            <translation>Affiliation of {name}</translation>
        </message>
        <message>
            <source>「{name}」さんはすでにこの事業の担当です。</source>
            <translation>{name} is already on the staff of this project.</translation>
        </message>
        <message>
            <source>「{name}」さんは代理出席になっています。代理で出席した方の氏名を入力してください。</source>
            <translation>{name} is marked as attending by proxy. Enter the name of the person who attended in their place.</translation>
        </message>
        <message>
            <source>「{name}」さんは名簿から削除されています。名簿で元に戻すか、別の職員を選んでください。</source>
            <translation>{name} has been removed from the roster. Restore them in the roster, or choose another staff member.</translation>
        </message>
        <message>
            <source>「{name}」さんは地区担当職員として名簿に登録されていません。名簿で役割を確認してください。</source>
            <translation>{name} is not registered in the roster as district liaison staff. Please check their role in the roster.</translation>
        </message>
        <message>
            <source>「{name}」さんは確定した議事録（{shown}）に出席者・署名人などとして記録されているため、完全には削除できません。名簿から削除した状態（一覧に表示されない状態）のままにするか、委嘱に退任日を入力してください。</source>
            <translation>{name} cannot be deleted completely, because they are recorded as an attendee, signatory or similar in approved minutes ({shown}). Leave them removed from the roster (hidden from the lists), or enter a leaving date in their appointment.</translation>
        </message>
        <message>
            <source>「{name}」には貸出の記録があるため削除できません。使わない場合は「貸出不可」にしてください。</source>
            <translation>"{name}" cannot be deleted because it has loan records. If it is no longer used, mark it "Not for loan".</translation>
        </message>
        <message>
            <source>「{name}」に当てはまる会議体が複数あります（{names}）。名前をもう少し詳しく指定してください。</source>
            <translation>More than one body matches "{name}" ({names}). Please give the name in more detail.</translation>
        </message>
        <message>
            <source>「{name}」の{fiscal_year}{kind}は入力されていません。一覧を更新してください。</source>
            <translation>The {kind} of "{name}" for {fiscal_year} has not been entered. Please refresh the list.</translation>
        </message>
        <message>
            <source>「{name}」の{fiscal_year}実績値は上書きされていません。一覧を更新してください。</source>
            <translation>The actual value of "{name}" for {fiscal_year} has not been overridden. Please refresh the list.</translation>
        </message>
        <message>
            <source>「{name}」の{year}{kind}は入力されていません。</source>
            <translation>No {kind} for {year} has been entered for "{name}".</translation>
        </message>
        <message>
            <source>「{name}」の実績値は記録から自動で集計されます。手入力で上書きする理由を入力してください（例: 記録にない相談を含めるため）。</source>
            <translation>The actual value of "{name}" is totalled automatically from the records. Enter the reason for overriding it by hand (e.g. to include consultations that are not in the records).</translation>
        </message>
        <message>
            <source>「{name}」は{quantity}個しかありません。数量を減らしてください。</source>
            <translation>There are only {quantity} of "{name}". Please reduce the quantity.</translation>
        </message>
        <message>
            <source>「{name}」は{what}から削除されています。元に戻すか、別の相手を選んでください。</source>
            <translation>"{name}" has been removed from {what}. Restore it, or choose another partner.</translation>
        </message>
        <message>
            <source>「{name}」はこのプログラムのデータファイルではありません。ファイルを確認してください。</source>
            <translation>"{name}" is not a data file of this program. Please check the file.</translation>
        </message>
        <message>
            <source>「{name}」はこのプログラムのデータファイルではないか、壊れています。ファイルを確認するか、バックアップから復元してください。</source>
            <translation>"{name}" is not a data file of this program, or it is damaged. Check the file, or restore from a backup.</translation>
        </message>
        <message>
            <source>「{name}」はこのプログラムのバックアップではありません。別のファイルを選んでください。</source>
            <translation>"{name}" is not a backup of this program. Please choose a different file.</translation>
        </message>
        <message>
            <source>「{name}」はすでにあります。別の名前にするか、今ある科目を使ってください。</source>
            <translation>"{name}" already exists. Use another name or the existing subject.</translation>
        </message>
        <message>
            <source>「{name}」はすでに統合済みです。</source>
            <translation>"{name}" has already been merged.</translation>
        </message>
        <message>
            <source>「{name}」はほかの貸出・予約と重なり、足りない日があります（{detail}）。数量か日付を変えてください。</source>
            <translation>"{name}" overlaps with other loans or reservations, and not enough are available on some days ({detail}). Change the quantity or the dates.</translation>
        </message>
        <message>
            <source>「{name}」は名簿から削除されています。元に戻すか、別の人を選んでください。</source>
            <translation>"{name}" has been removed from the roster. Restore them, or choose someone else.</translation>
        </message>
        <message>
            <source>「{name}」は団体の一覧から削除されています。元に戻すか、別の団体を選んでください。</source>
            <translation>"{name}" has been removed from the list of organisations. Restore it, or choose another organisation.</translation>
        </message>
        <message>
            <source>「{name}」は貸出不可になっています。別の資機材を選んでください。</source>
            <translation>"{name}" is marked as not available for loan. Please choose other equipment.</translation>
        </message>
        <message>
            <source>「{name}」をExcelファイルとして読めません。ファイルを確認してください。</source>
            <translation>"{name}" cannot be read as an Excel file. Please check the file.</translation>
        </message>
        <message>
            <source>「{new}」にするときは、その理由をコメントに入力してください。</source>
            <translation>To change the status to "{new}", enter the reason in the comment.</translation>
        </message>
        <message>
            <source>「{path}」はすでに存在します。上書きはしないので、別の名前を指定してください。</source>
            <translation>"{path}" already exists. It will not be overwritten, so please specify a different name.</translation>
        </message>
        <message>
            <source>「{path}」はフォルダです。データファイル（.db）のパスを指定してください。</source>
            <translation>"{path}" is a folder. Give the path of a data file (.db).</translation>
        </message>
        <message>
            <source>「{path}」はフォルダです。保存するファイルの名前まで指定してください。</source>
            <translation>"{path}" is a folder. Give the name of the file to save, too.</translation>
        </message>
        <message>
            <source>「{path}」はフォルダです。取り込むファイルを指定してください。</source>
            <translation>"{path}" is a folder. Give the file to import.</translation>
        </message>
        <message>
            <source>「{shown}」さんはすでにこの講座の受講者に入っています。</source>
            <translation>{shown} is already a participant in this course.</translation>
        </message>
        <message>
            <source>「{shown}」という日付はありません。</source>
            <translation>There is no such date as "{shown}".</translation>
        </message>
        <message>
            <source>「{shown}」の年が正しくありません。{era}は元年（1年）から数えます。</source>
            <translation>The year in "{shown}" is not valid. Years of {era} are counted from year 1 (gannen).</translation>
        </message>
        <message>
            <source>「{shown}」は{era}の期間に入っていません。{hint}</source>
            <translation>"{shown}" is not within the {era} era. {hint}</translation>
        </message>
        <message>
            <source>「{shown}」は{era}の期間に入っていません。{start}からは{following}です（この日は「{date}」です）。</source>
            <translation>"{shown}" is not within the {era} era. From {start} the era is {following} (that date is "{date}").</translation>
        </message>
        <message>
            <source>「{shown}」は扱える範囲を超えています。</source>
            <translation>"{shown}" is outside the range that can be handled.</translation>
        </message>
        <message>
            <source>「{subject}」が二度入っています。一つにまとめてください。</source>
            <translation>"{subject}" is listed twice. Combine them into one line.</translation>
        </message>
        <message>
            <source>「{text}」の年が正しくありません。{examples}のように入力してください。</source>
            <translation>The year in "{text}" is not valid. Enter it like {examples}.</translation>
        </message>
        <message>
            <source>「{text}」は{era}の期間に入っていません。この年度は「{fiscal_year}」です。{examples}のように入力してください。</source>
            <translation>"{text}" is not within the {era} era. This fiscal year is "{fiscal_year}". Enter it like {examples}.</translation>
        </message>
        <message>
            <source>「{text}」は年度として読み取れません。{examples}のように入力してください。</source>
            <translation>"{text}" cannot be read as a fiscal year. Enter it like {examples}.</translation>
        </message>
        <message>
            <source>「{text}」は日付として読み取れません。</source>
            <translation>"{text}" cannot be read as a date.</translation>
        </message>
        <message>
            <source>「{text}」は選べません。次のどれかを選んでください: {choices}</source>
            <translation>"{text}" cannot be chosen. Choose one of the following: {choices}</translation>
        </message>
        <message>
            <source>「{title}」の反対数</source>
            <translation>Votes against "{title}"</translation>
        </message>
        <message>
            <source>「{title}」の棄権数</source>
            <translation>Abstentions on "{title}"</translation>
        </message>
        <message>
            <source>「{title}」の説明者</source>
            <translation>Speaker for "{title}"</translation>
        </message>
        <message>
            <source>「{title}」の議事の経過</source>
            <translation>Proceedings of "{title}"</translation>
        </message>
        <message>
            <source>「{title}」の賛成数</source>
            <translation>Votes for "{title}"</translation>
        </message>
        <message>
            <source>「{title}」は全会一致ですが、反対数が入っています。人数か結果を確認してください。</source>
            <translation>"{title}" is marked unanimous, but votes against are entered. Please check the numbers or the result.</translation>
        </message>
        <message>
            <source>「{title}」は賛成多数ですが、賛成数が反対数以下です。人数か結果を確認してください。</source>
            <translation>"{title}" is marked as carried by majority, but the votes for are not more than the votes against. Please check the numbers or the result.</translation>
        </message>
        <message>
            <source>「{title}」を自分自身やその下の「{parent}」の中へは移動できません。別の移動先を選んでください。</source>
            <translation>"{title}" cannot be moved into itself or into "{parent}" below it. Please choose a different destination.</translation>
        </message>
        <message>
            <source>「{value}」は金額として読み取れません。{how}</source>
            <translation>"{value}" cannot be read as an amount. {how}</translation>
        </message>
        <message>
            <source>「事業化」にするには、先に協働事業の画面でこの課題を事業に結び付けてください。</source>
            <translation>To set the status to "Became a project", first link this issue to a project on the collaborative projects screen.</translation>
        </message>
        <message>
            <source>いま接続している利用者「{login}」のログイン名は変更できません（サーバーの利用者名と違う名前にすると、あなたが変更できなくなります）。</source>
            <translation>The login name of the user now connected ("{login}") cannot be changed (if it differed from the server's user name, you could no longer make changes).</translation>
        </message>
        <message>
            <source>お支払金額</source>
            <translation>withdrawal</translation>
        </message>
        <message>
            <source>お預り金額</source>
            <translation>deposit</translation>
        </message>
        <message>
            <source>この{what}は、あなたが開いた後に別の場所で変更されています。再読み込みしてから、もう一度変更してください。</source>
            <translation>This {what} was changed elsewhere after you opened it. Reload it, then make your change again.</translation>
        </message>
        <message>
            <source>この{what}は、あなたが開いた後に別の場所で変更（または削除）されています。再読み込みしてから、もう一度変更してください。</source>
            <translation>This {what} was changed (or deleted) elsewhere after you opened it. Reload it, then make your change again.</translation>
        </message>
        <message>
            <source>この{what}は、同時に別の場所で変更されました。再読み込みしてから、もう一度入力してください。</source>
            <translation>This {what} was changed elsewhere at the same time. Reload it, then enter your input again.</translation>
        </message>
        <message>
            <source>このデータファイルは、{who}がパソコン「{host}」で{since}から使用中です。同時に書き込むとデータが壊れるおそれがあるため、読み取り専用で開くか、相手がプログラムを終了してから開き直してください。</source>
            <translation>This data file has been in use by {who} on the computer "{host}" since {since}. Writing at the same time could damage the data, so open it read-only, or open it again after the other person has closed the program.</translation>
        </message>
        <message>
            <source>このデータファイルは、別のプログラムが使用中です。同時に書き込むとデータが壊れるおそれがあるため、読み取り専用で開くか、相手が終了してから開き直してください。</source>
            <translation>This data file is in use by another program. Writing at the same time could damage the data, so open it read-only, or open it again after the other program has closed.</translation>
        </message>
        <message>
            <source>このデータファイルは新しい版のプログラムで作られています（スキーマ {revision}）。プログラムを最新版に更新してから開いてください。ファイルには手を加えていません。</source>
            <translation>This data file was made by a newer version of the program (schema {revision}). Update the program to the latest version, then open the file. The file has not been changed.</translation>
        </message>
        <message>
            <source>このバックアップは読み込めません（{error}）。</source>
            <translation>This backup cannot be read ({error}).</translation>
        </message>
        <message>
            <source>このパソコンにはパスワードを安全に保存する仕組みがないため、保存できません。接続のたびに入力してください。</source>
            <translation>This computer has no secure way to store the password, so it cannot be saved. Please enter it each time you connect.</translation>
        </message>
        <message>
            <source>このパートナーはすでにこの事業に登録されています。役割分担を編集してください。</source>
            <translation>This partner is already registered for this project. Please edit its roles instead.</translation>
        </message>
        <message>
            <source>このファイルには栄町まちづくり協議会のデータ以外の表が入っています。別のファイルを選んでください。</source>
            <translation>This file contains tables that are not Sakae town council data. Please choose a different file.</translation>
        </message>
        <message>
            <source>このマニュアルの項目は、同時に別の場所で変更されました。再読み込みしてから、もう一度保存してください。</source>
            <translation>This manual entry was changed elsewhere at the same time. Reload it, then save again.</translation>
        </message>
        <message>
            <source>この事業はすでに「{current}」です。別のステータスを選んでください。</source>
            <translation>This project is already "{current}". Please choose a different status.</translation>
        </message>
        <message>
            <source>この会則は別の場所で削除されています。一覧を更新してください。</source>
            <translation>These bylaws were deleted elsewhere. Refresh the list.</translation>
        </message>
        <message>
            <source>この会議の出欠回答は、あなたが開いた後に別の場所で保存されています。再読み込みしてから、もう一度保存してください。</source>
            <translation>This meeting's replies were saved elsewhere after you opened them. Reload, then save again.</translation>
        </message>
        <message>
            <source>この値は、あなたが開いた後に別の場所で入力されています。再読み込みしてから、もう一度入力してください。</source>
            <translation>This value was entered elsewhere after you opened it. Reload, then enter it again.</translation>
        </message>
        <message>
            <source>この値は、あなたが開いた後に別の場所で消されています。再読み込みしてから、もう一度入力してください。</source>
            <translation>This value was removed elsewhere after you opened it. Reload it, then enter it again.</translation>
        </message>
        <message>
            <source>この協議会の協働事業を選んでください。</source>
            <translation>Choose a project of this council.</translation>
        </message>
        <message>
            <source>この協議会の科目を選んでください。</source>
            <translation>Choose an account subject of this council.</translation>
        </message>
        <message>
            <source>この協議会の補助金を選んでください。</source>
            <translation>Choose a grant of this council.</translation>
        </message>
        <message>
            <source>この学区の会則は、別の場所で先に登録されています。開き直してから、もう一度保存してください。</source>
            <translation>Bylaws for this district were entered elsewhere first. Open them again, then save again.</translation>
        </message>
        <message>
            <source>この学区の協議会は「{clash}」としてすでに登録されています。</source>
            <translation>The council of this district is already registered as "{clash}".</translation>
        </message>
        <message>
            <source>この宿題事項は別の会議のものです。再読み込みしてから入力し直してください。</source>
            <translation>This action item belongs to another meeting. Reload, then enter it again.</translation>
        </message>
        <message>
            <source>この年度の出納帳の記帳を選んでください。</source>
            <translation>Choose an entry of this year's cash book.</translation>
        </message>
        <message>
            <source>この支出で「{subject}」の予算（{budget}）を{over}超えます（支出済 {executed}、今回 {this}）。協議会で決めた支出であれば、理由を入力して登録してください。</source>
            <translation>This expense takes "{subject}" {over} over its budget ({budget}; spent {executed}, this entry {this}). If the council decided on it, enter the reason and save.</translation>
        </message>
        <message>
            <source>この文案は別の場所で自動作成に戻されています。開き直してください。</source>
            <translation>This text was reset to the generated one elsewhere. Open it again.</translation>
        </message>
        <message>
            <source>この方はこの会議の出欠の名簿にいません。会議の「出欠」に載っている方の回答だけを入力できます。</source>
            <translation>This person is not on the meeting's attendance list. Only replies of people on it can be entered.</translation>
        </message>
        <message>
            <source>この申請はすでに「{current}」です。</source>
            <translation>This application is already "{current}".</translation>
        </message>
        <message>
            <source>この職員はこの事業の担当ではありません。一覧を更新してください。</source>
            <translation>This staff member is not on the staff of this project. Please refresh the list.</translation>
        </message>
        <message>
            <source>この補助金に結び付いた出納帳の記帳がありません。</source>
            <translation>No cash book entry is linked to this grant.</translation>
        </message>
        <message>
            <source>この課題はすでに「{current}」です。別のステータスを選んでください。</source>
            <translation>This issue is already "{current}". Please choose a different status.</translation>
        </message>
        <message>
            <source>この課題は協働事業{names}に結び付いているため削除できません。先に事業側の結び付きを外してください。</source>
            <translation>This issue cannot be deleted because it is linked to the collaborative project(s) {names}. First remove the link on the project side.</translation>
        </message>
        <message>
            <source>この議事録の第{number}版は見つかりません。版の一覧を更新してください。</source>
            <translation>Version {number} of these minutes was not found. Please refresh the list of versions.</translation>
        </message>
        <message>
            <source>この議事録はすでに確定しています。変更するときは「修正」を使ってください。</source>
            <translation>These minutes have already been approved. To change them, use "Revise".</translation>
        </message>
        <message>
            <source>この議事録はまだ下書きです。修正ではなく、そのまま保存してください。</source>
            <translation>These minutes are still a draft. Save them as they are instead of revising them.</translation>
        </message>
        <message>
            <source>この議事録は確定済みのため変更できません。変更が必要なときは「修正」から理由を入力してください。</source>
            <translation>These minutes have been approved and cannot be changed. If a change is needed, use "Revise" and enter the reason.</translation>
        </message>
        <message>
            <source>この貸出はすでに「{new}」です。</source>
            <translation>This loan is already "{new}".</translation>
        </message>
        <message>
            <source>この項目に第{number}版はありません。履歴の一覧から選んでください。</source>
            <translation>This entry has no version {number}. Please choose one from the history list.</translation>
        </message>
        <message>
            <source>なし</source>
            <translation>None</translation>
        </message>
        <message>
            <source>ほかの人が同じデータを保存している途中のため、保存できませんでした。{kept}少し待ってから、もう一度保存してください。</source>
            <translation>Could not save because someone else is saving the same data. {kept} Wait a moment, then save again.</translation>
        </message>
        <message>
            <source>コピー元とコピー先が同じです。別の場所を指定してください。</source>
            <translation>The source and the destination are the same. Please specify a different location.</translation>
        </message>
        <message>
            <source>コピー元とコピー先でデータの形式（版）が違います。両方を同じ版のプログラムで開いてから移行してください。</source>
            <translation>The source and the destination have different data formats (versions). Open both with the same version of the program, then migrate.</translation>
        </message>
        <message>
            <source>コピー先にはすでにデータがあります（{shown}など）。置き換える場合は「置き換える」を選んでください（コピー先のデータはすべて消えます）。</source>
            <translation>The destination already has data ({shown}, etc.). To replace it, choose "Replace" (all data at the destination will be erased).</translation>
        </message>
        <message>
            <source>コピー後に件数を確かめたところ、一致しない表がありました。もう一度移行してください。</source>
            <translation>After copying, the record counts did not match for some tables. Please migrate again.</translation>
        </message>
        <message>
            <source>コピー後の件数が一致しないため、移行を取り消しました（{tables}）。</source>
            <translation>The migration was undone because the record counts did not match after copying ({tables}).</translation>
        </message>
        <message>
            <source>コメント</source>
            <translation>Comment</translation>
        </message>
        <message>
            <source>サーバー「{host}」にデータベース「{name}」がありません。URLのデータベース名を確認するか、サーバーの管理者に作成を頼んでください。</source>
            <translation>The server "{host}" has no database "{name}". Check the database name in the URL, or ask the server's administrator to create it.</translation>
        </message>
        <message>
            <source>サーバー「{host}」へのログインが拒否されました（利用者「{user}」）。利用者名とパスワードを確認するか、サーバーの管理者に確かめてください。</source>
            <translation>The server "{host}" refused the login (user "{user}"). Check the user name and password, or ask the server's administrator.</translation>
        </message>
        <message>
            <source>サーバーでの処理に時間がかかりすぎたため中止しました。{kept}少し待ってから、もう一度操作してください。</source>
            <translation>The server took too long to process the request, so it was stopped. {kept} Wait a moment, then try again.</translation>
        </message>
        <message>
            <source>サーバーへのデータの移行は管理者だけができます（サーバーのデータをまとめて置き換えるため）。管理者に依頼してください。</source>
            <translation>Only an administrator can move data to the server (it replaces all the data on the server). Please ask an administrator.</translation>
        </message>
        <message>
            <source>サーバー名に空白や「/」は使えません。担当者から聞いた名前をそのまま入力してください。</source>
            <translation>The server name cannot contain spaces or "/". Enter the name exactly as the person in charge gave it to you.</translation>
        </message>
        <message>
            <source>サーバー名（またはIPアドレス）を入力してください。例: sakae-db.town.local</source>
            <translation>Enter the server name (or IP address). Example: sakae-db.town.local</translation>
        </message>
        <message>
            <source>シート「{sheet}」がありません。シート: {sheets}</source>
            <translation>There is no sheet "{sheet}". Sheets: {sheets}</translation>
        </message>
        <message>
            <source>ディスクの空き容量が足りないため保存できませんでした。{kept}不要なファイルを削除して空きを作ってから、もう一度保存してください。</source>
            <translation>Could not save because there is not enough free disk space. {kept} Delete files you no longer need to free up space, then save again.</translation>
        </message>
        <message>
            <source>ディスクの読み書きでエラーが起きたため保存できませんでした。{kept}USBメモリなどが抜けていないか確認してから、もう一度保存してください。</source>
            <translation>Could not save because of a disk read/write error. {kept} Check that a USB stick or similar has not been removed, then save again.</translation>
        </message>
        <message>
            <source>データ</source>
            <translation>Data</translation>
        </message>
        <message>
            <source>データをコピー先に書き込めなかったため、移行を取り消しました（{error}）。コピー先は元のままです。</source>
            <translation>The migration was undone because the data could not be written to the destination ({error}). The destination is unchanged.</translation>
        </message>
        <message>
            <source>データファイル「{name}」が壊れていたため、開くのを中止しました。{kept}{offer}</source>
            <translation>Opening was stopped because the data file "{name}" was damaged. {kept} {offer}</translation>
        </message>
        <message>
            <source>データファイル「{name}」が壊れています。読み取り専用では修復できないため、通常どおり開いてバックアップから復元してください。</source>
            <translation>The data file "{name}" is damaged. It cannot be repaired when opened read-only, so open it normally and restore from a backup.</translation>
        </message>
        <message>
            <source>データファイル「{name}」は書き込みが禁止されています（読み取り専用のファイルか、書き込めない場所にあります）。読み取り専用で開くか、書き込める場所にコピーしてから開いてください。</source>
            <translation>The data file "{name}" is write-protected (it is a read-only file, or it is in a place that cannot be written to). Open it read-only, or copy it to a place you can write to and open it there.</translation>
        </message>
        <message>
            <source>データファイル「{name}」を検査できませんでした（{problems}）。少し待ってから開き直してください。</source>
            <translation>The data file "{name}" could not be checked ({problems}). Wait a moment, then open it again.</translation>
        </message>
        <message>
            <source>データファイル「{name}」を読み込めないため、バックアップできません（{error}）。`check` で検査してください。</source>
            <translation>The data file "{name}" cannot be read, so it cannot be backed up ({error}). Check it with `check`.</translation>
        </message>
        <message>
            <source>データファイル「{path}」が見つからないため、バックアップできません。</source>
            <translation>The data file "{path}" was not found, so it cannot be backed up.</translation>
        </message>
        <message>
            <source>データファイル「{path}」が見つかりません。場所を確認してください。</source>
            <translation>The data file "{path}" was not found. Please check its location.</translation>
        </message>
        <message>
            <source>データファイル「{path}」が見つかりません（移動または削除された可能性があります）。空のデータで始める前に確認してください。{offer}</source>
            <translation>The data file "{path}" was not found (it may have been moved or deleted). Check this before starting with empty data. {offer}</translation>
        </message>
        <message>
            <source>データファイルが使用中のため復元できませんでした。少し待ってから、もう一度復元してください。</source>
            <translation>Could not restore because the data file is in use. Wait a moment, then restore again.</translation>
        </message>
        <message>
            <source>データファイルに書き込めないため保存できませんでした。{kept}ファイルが読み取り専用になっていないか、保存先の書き込み権限を確認してください。</source>
            <translation>Could not save because the data file cannot be written to. {kept} Check that the file is not read-only and that you have permission to write to its folder.</translation>
        </message>
        <message>
            <source>データファイルに異常が見つかったため、{what}を作成できませんでした。これまでのバックアップはそのまま残っています。プログラムを開き直すと検査と復元の案内をします。</source>
            <translation>A problem was found in the data file, so this could not be created: {what}. The existing backups remain as they were. When you open the program again, it will check the file and guide you through restoring it.</translation>
        </message>
        <message>
            <source>データファイルに異常が見つかりました。プログラムを終了して開き直してください。開くときに検査し、必要ならバックアップからの復元を案内します。</source>
            <translation>A problem was found in the data file. Close the program and open it again. The file will be checked when it opens, and if needed you will be guided to restore it from a backup.</translation>
        </message>
        <message>
            <source>データファイルのあるディスク（{folder}）の空き容量がないため、編集用に開けません。不要なファイルを削除して空きを作ってから、開き直してください（読み取り専用でなら開けます）。</source>
            <translation>The disk holding the data file ({folder}) is full, so the file cannot be opened for editing. Delete files you no longer need, then open it again (it can be opened read-only now).</translation>
        </message>
        <message>
            <source>データファイルのフォルダ（{folder}）に書き込めないため、編集用に開けません。読み取り専用で開くか、書き込めるフォルダにファイルを移してください。</source>
            <translation>The data file's folder ({folder}) cannot be written to, so the file cannot be opened for editing. Open it read-only, or move the file to a folder you can write to.</translation>
        </message>
        <message>
            <source>データファイルのフォルダ（{folder}）に書き込めないため、編集用に開けません（{error}）。読み取り専用で開くか、書き込めるフォルダにファイルを移してください。</source>
            <translation>The data file's folder ({folder}) cannot be written to, so the file cannot be opened for editing ({error}). Open it read-only, or move the file to a folder you can write to.</translation>
        </message>
        <message>
            <source>データファイルの使用状況を確認できませんでした。もう一度開いてください。</source>
            <translation>Could not check whether the data file is in use. Please open it again.</translation>
        </message>
        <message>
            <source>データファイルの形式が古いため、読み取り専用では開けません。通常どおり開いて更新してください。</source>
            <translation>The data file is in an old format, so it cannot be opened read-only. Open it normally to update it.</translation>
        </message>
        <message>
            <source>データファイルを別の処理が使用中のため保存できませんでした。{kept}少し待ってから、もう一度保存してください。</source>
            <translation>Could not save because another process is using the data file. {kept} Wait a moment, then save again.</translation>
        </message>
        <message>
            <source>データファイルを確認できないため、復元を中止しました（{problems}）。少し待ってから、もう一度復元してください。</source>
            <translation>The restore was stopped because the data file could not be checked ({problems}). Wait a moment, then restore again.</translation>
        </message>
        <message>
            <source>データファイルを読み込めません（壊れている可能性があります）。バックアップから復元してください。</source>
            <translation>The data file cannot be read (it may be damaged). Please restore it from a backup.</translation>
        </message>
        <message>
            <source>データベースサーバー「{host}」に接続できません。サーバーが動いているか、ネットワークと、URLのサーバー名・ポートを確認してください。</source>
            <translation>Cannot connect to the database server "{host}". Check that the server is running, the network, and the server name and port in the URL.</translation>
        </message>
        <message>
            <source>データベースサーバーに接続できません。{kept}ネットワークを確認してから、もう一度保存してください。</source>
            <translation>Cannot connect to the database server. {kept} Check the network, then save again.</translation>
        </message>
        <message>
            <source>データベース名を入力してください。例: sakae_council</source>
            <translation>Enter the database name. Example: sakae_council</translation>
        </message>
        <message>
            <source>バックアップ{count}件には、消去前の情報がまだ残っています（バックアップは最長1年間保管されます）。「古いバックアップからも消す」で、バックアップからも消去できます。</source>
            <translation>{count} backups still hold the data as it was before the erasure (backups are kept for up to a year). Use 'Erase from old backups too' to erase it from them as well.</translation>
        </message>
        <message>
            <source>バックアップ{rewritten}件から消去し、書き換えられなかった{deleted}件を削除しました（もともと含んでいなかったもの: {untouched}件）。</source>
            <translation>Erased from {rewritten} backups and deleted {deleted} that could not be rewritten ({untouched} never held it).</translation>
        </message>
        <message>
            <source>バックアップ「{name}」は壊れているため復元できません。別のバックアップを選んでください。</source>
            <translation>The backup "{name}" is damaged and cannot be restored. Please choose a different backup.</translation>
        </message>
        <message>
            <source>バックアップ「{name}」は新しい版のプログラムで作られています。プログラムを更新してから復元してください。</source>
            <translation>The backup "{name}" was made by a newer version of the program. Update the program, then restore.</translation>
        </message>
        <message>
            <source>バックアップ「{path}」が見つかりません。場所を確認してください。</source>
            <translation>The backup "{path}" was not found. Please check its location.</translation>
        </message>
        <message>
            <source>バックアップの書き換え</source>
            <translation>the rewritten backup</translation>
        </message>
        <message>
            <source>バックアップの書き換えを確かめたところ、消去しきれていない所がありました（{places}）。</source>
            <translation>Checking the rewritten backup found places still holding the data ({places}).</translation>
        </message>
        <message>
            <source>パスワードを資格情報に保存できませんでした。接続のたびに入力してください。</source>
            <translation>The password could not be saved in the credential store. Please enter it each time you connect.</translation>
        </message>
        <message>
            <source>ファイル「{path}」が見つかりません。場所を確認してください。</source>
            <translation>The file "{path}" was not found. Please check its location.</translation>
        </message>
        <message>
            <source>ファイル「{path}」を読む権限がありません。ファイルの場所や権限を確認してください。</source>
            <translation>You have no permission to read the file "{path}". Check where the file is and its permissions.</translation>
        </message>
        <message>
            <source>ファイル「{path}」を読めません（{error}）。</source>
            <translation>Cannot read the file "{path}" ({error}).</translation>
        </message>
        <message>
            <source>ファイルが大きすぎます（{limit}MBまで取り込めます）。ファイルを分けて取り込んでください。</source>
            <translation>The file is too large (at most {limit} MB can be imported). Split it into smaller files and import them one by one.</translation>
        </message>
        <message>
            <source>ファイルに明細の行がありません。銀行からダウンロードしたCSVを選んでください。</source>
            <translation>The file has no statement lines. Choose the CSV downloaded from the bank.</translation>
        </message>
        <message>
            <source>ファイルの文字コードを判別できません。Excelで「CSV UTF-8」または「CSV（コンマ区切り）」として保存し直してください。</source>
            <translation>The character encoding of the file cannot be determined. In Excel, save it again as "CSV UTF-8" or "CSV (Comma delimited)".</translation>
        </message>
        <message>
            <source>フリガナが長すぎます（{max_len}文字まで）。短くしてください。</source>
            <translation>The furigana is too long (up to {max_len} characters). Please shorten it.</translation>
        </message>
        <message>
            <source>フリガナはカタカナかひらがなで入力してください。</source>
            <translation>Enter the furigana in katakana or hiragana.</translation>
        </message>
        <message>
            <source>ボランティア時間</source>
            <translation>Volunteer hours</translation>
        </message>
        <message>
            <source>ポート番号は1〜65535で入力してください（ふつうは5432）。</source>
            <translation>Enter a port number from 1 to 65535 (usually 5432).</translation>
        </message>
        <message>
            <source>マニュアル</source>
            <translation>Manual</translation>
        </message>
        <message>
            <source>マニュアルにまだ章がありません。章と節を作ってから発行してください。</source>
            <translation>The manual has no chapters yet. Create chapters and sections before publishing.</translation>
        </message>
        <message>
            <source>マニュアルの第{number}版は発行されていません。版の一覧から選んでください。</source>
            <translation>Edition {number} of the manual has not been published. Please choose one from the list of editions.</translation>
        </message>
        <message>
            <source>マニュアルの親の章・節</source>
            <translation>Parent chapter or section in the manual</translation>
        </message>
        <message>
            <source>マニュアルの項目</source>
            <translation>Manual entry</translation>
        </message>
        <message>
            <source>マニュアルの項目（ID {section_id}）が見つかりません。一覧を更新してください。</source>
            <translation>The manual entry (ID {section_id}) was not found. Please refresh the list.</translation>
        </message>
        <message>
            <source>メールアドレスの形式が正しくありません。「taro@example.jp」のように入力してください。</source>
            <translation>The email address is not valid. Enter it like "taro@example.jp".</translation>
        </message>
        <message>
            <source>ログイン名「{login}」はすでに登録されています。</source>
            <translation>The login name "{login}" is already registered.</translation>
        </message>
        <message>
            <source>ログイン名は半角の英小文字・数字と「_ . @ -」で、100文字までにしてください（例: sato_hanako）。</source>
            <translation>Use only lowercase letters, digits and "_ . @ -" in the login name, up to 100 characters (e.g. sato_hanako).</translation>
        </message>
        <message>
            <source>ログイン名を入力してください（サーバーの利用者名と同じにします）。</source>
            <translation>Enter the login name (the same as the user name on the server).</translation>
        </message>
        <message>
            <source>並べ方は「郵便番号順」か「五十音順」を選んでください。</source>
            <translation>Choose the order: by postal code or by reading.</translation>
        </message>
        <message>
            <source>主催</source>
            <translation>Organiser</translation>
        </message>
        <message>
            <source>予算・補正予算</source>
            <translation>budget or budget revision</translation>
        </message>
        <message>
            <source>予算超過の理由</source>
            <translation>reason for overspending</translation>
        </message>
        <message>
            <source>予算額</source>
            <translation>budget amount</translation>
        </message>
        <message>
            <source>事業の検証</source>
            <translation>Project evaluation</translation>
        </message>
        <message>
            <source>事業名</source>
            <translation>Project name</translation>
        </message>
        <message>
            <source>事業番号</source>
            <translation>Plan item number</translation>
        </message>
        <message>
            <source>交付決定額</source>
            <translation>Amount granted</translation>
        </message>
        <message>
            <source>交付決定額がまだ入力されていません（今は「{status}」です）。</source>
            <translation>The granted amount has not been entered yet (now "{status}").</translation>
        </message>
        <message>
            <source>交付決定額は「交付決定」にするときに入力してください。</source>
            <translation>Enter the amount granted when setting the status to "Grant decided".</translation>
        </message>
        <message>
            <source>今後の方向性</source>
            <translation>Future direction</translation>
        </message>
        <message>
            <source>代理人の氏名</source>
            <translation>proxy's name</translation>
        </message>
        <message>
            <source>任期の終わりが始まりより前になっています。日付を確認してください。</source>
            <translation>The end of the term is before its start. Please check the dates.</translation>
        </message>
        <message>
            <source>任期は1年から4年の間で指定してください。</source>
            <translation>Give a term of 1 to 4 years.</translation>
        </message>
        <message>
            <source>会則</source>
            <translation>bylaws</translation>
        </message>
        <message>
            <source>会則の名称</source>
            <translation>Name of the bylaws</translation>
        </message>
        <message>
            <source>会則の改正</source>
            <translation>amendment of the bylaws</translation>
        </message>
        <message>
            <source>会則の本文を入力してください。</source>
            <translation>Enter the text of the bylaws.</translation>
        </message>
        <message>
            <source>会場</source>
            <translation>Venue</translation>
        </message>
        <message>
            <source>会計の科目</source>
            <translation>account subject</translation>
        </message>
        <message>
            <source>会計帳簿</source>
            <translation>books</translation>
        </message>
        <message>
            <source>会議</source>
            <translation>Meetings</translation>
        </message>
        <message>
            <source>会議の下書き・講座・相談・貸出・研修・変更の履歴などに残っていた氏名と連絡先も消去しました（{count}か所）。</source>
            <translation>The name and contact left in draft minutes, courses, consultations, loans, trainings, the change history and so on were erased too ({count} places).</translation>
        </message>
        <message>
            <source>会議・議事録</source>
            <translation>Meetings &amp; minutes</translation>
        </message>
        <message>
            <source>会議体</source>
            <translation>Body</translation>
        </message>
        <message>
            <source>会議体「{name}」が見つかりません。会議体の名前を確かめてください。</source>
            <translation>The body "{name}" was not found. Please check the name of the body.</translation>
        </message>
        <message>
            <source>会議体「{name}」はすでに登録されています。別の名前にしてください。</source>
            <translation>The body "{name}" is already registered. Please choose a different name.</translation>
        </message>
        <message>
            <source>会議体の名前</source>
            <translation>Body name</translation>
        </message>
        <message>
            <source>会議体は変更できません。別の会議体の会議として新しく登録してください。</source>
            <translation>The body cannot be changed. Register the meeting anew as a meeting of the other body.</translation>
        </message>
        <message>
            <source>住所</source>
            <translation>Address</translation>
        </message>
        <message>
            <source>住所・電話番号・メール・備考・フリガナ・所属・委嘱を消去し、名簿から外しました。</source>
            <translation>Address, phone, e-mail, notes, furigana, organisation and appointments were erased, and the person was taken off the roster.</translation>
        </message>
        <message>
            <source>作成した{what}の検査で異常が見つかったため、保存を取りやめました。これまでのバックアップはそのまま残っています。プログラムを開き直すと検査と復元の案内をします。詳細: {details}</source>
            <translation>A problem was found when checking the newly created file ({what}), so saving was cancelled. The existing backups remain as they were. When you open the program again, it will check the file and guide you through restoring it. Details: {details}</translation>
        </message>
        <message>
            <source>使えるバックアップが見つかりません。担当職員に相談してください。</source>
            <translation>No usable backup was found. Please consult the staff in charge.</translation>
        </message>
        <message>
            <source>使えるバックアップも見つかりません。ファイルの場所を確認してください。</source>
            <translation>No usable backup was found either. Please check the location of the file.</translation>
        </message>
        <message>
            <source>保存先「{folder}」の空き容量が足りないため、保存できませんでした。空きを作るか、別の場所に保存してください。</source>
            <translation>Could not save: there is not enough free space in "{folder}". Free some space or save somewhere else.</translation>
        </message>
        <message>
            <source>保存先のフォルダ「{folder}」がありません。フォルダを作るか、別の場所を指定してください。</source>
            <translation>The folder "{folder}" does not exist. Create it or choose another place.</translation>
        </message>
        <message>
            <source>保存先のフォルダ「{folder}」には書き込めません（権限がありません）。別の場所を指定してください。</source>
            <translation>Cannot write to the folder "{folder}" (no permission). Choose another place.</translation>
        </message>
        <message>
            <source>保存先のフォルダ「{path}」がありません。フォルダを確認してください。</source>
            <translation>The destination folder "{path}" does not exist. Please check the folder.</translation>
        </message>
        <message>
            <source>保管場所</source>
            <translation>Storage place</translation>
        </message>
        <message>
            <source>修正すると年度末の残高がマイナスになります（現金 {cash}、預金 {bank}）。修正の内容を確かめてください。</source>
            <translation>This revision would leave a negative year-end balance (cash {cash}, bank {bank}). Check the revision.</translation>
        </message>
        <message>
            <source>修正する記帳（追加または訂正）を選んでください。</source>
            <translation>Choose the entries to add or cancel in the revision.</translation>
        </message>
        <message>
            <source>修正の日付を入力してください。</source>
            <translation>Enter the date of the revision.</translation>
        </message>
        <message>
            <source>修正の理由</source>
            <translation>Reason for the revision</translation>
        </message>
        <message>
            <source>借りる団体か人を選んでください。</source>
            <translation>Choose the borrowing organisation or person.</translation>
        </message>
        <message>
            <source>値</source>
            <translation>Value</translation>
        </message>
        <message>
            <source>値が大きすぎます。桁を確認してください。</source>
            <translation>The value is too large. Please check the number of digits.</translation>
        </message>
        <message>
            <source>値に負の数は入力できません。0以上を入力してください。</source>
            <translation>The value cannot be negative. Enter 0 or more.</translation>
        </message>
        <message>
            <source>値は数字で入力してください。</source>
            <translation>Enter the value as a number.</translation>
        </message>
        <message>
            <source>値を入力してください。消す場合は「値を消す」を使ってください。</source>
            <translation>Enter a value. To remove it, use "Clear value".</translation>
        </message>
        <message>
            <source>傍聴者数</source>
            <translation>Number of observers</translation>
        </message>
        <message>
            <source>備品</source>
            <translation>Equipment</translation>
        </message>
        <message>
            <source>備品の貸出</source>
            <translation>Equipment loan</translation>
        </message>
        <message>
            <source>備考</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>先に当初予算を登録してください。補正予算は当初予算を直すものです。</source>
            <translation>Enter the original budget first; a budget revision amends it.</translation>
        </message>
        <message>
            <source>入力した内容は消えていません。</source>
            <translation>What you entered has not been lost.</translation>
        </message>
        <message>
            <source>公職名</source>
            <translation>Public post</translation>
        </message>
        <message>
            <source>内容</source>
            <translation>Content</translation>
        </message>
        <message>
            <source>内部メモ</source>
            <translation>internal memo</translation>
        </message>
        <message>
            <source>出席者（{row}行目）の氏名</source>
            <translation>Name of attendee (row {row})</translation>
        </message>
        <message>
            <source>出欠</source>
            <translation>Attendance</translation>
        </message>
        <message>
            <source>出欠が「未確認」の方が{n}名います（{names}）。出欠を入力してから確定してください。</source>
            <translation>{n} attendee(s) are still “unconfirmed” ({names}). Enter their attendance before approving.</translation>
        </message>
        <message>
            <source>出納帳の実績額がマイナスです。記帳を確かめてください。</source>
            <translation>The amount spent in the cash book is negative. Check the entries.</translation>
        </message>
        <message>
            <source>出納帳の月次確認</source>
            <translation>monthly check of the cash book</translation>
        </message>
        <message>
            <source>出納帳の補助金の収入（{received}）が交付決定額（{granted}）と違います。</source>
            <translation>The grant income in the cash book ({received}) differs from the granted amount ({granted}).</translation>
        </message>
        <message>
            <source>出納帳の記帳</source>
            <translation>Cash book entry</translation>
        </message>
        <message>
            <source>分野</source>
            <translation>Field</translation>
        </message>
        <message>
            <source>分類</source>
            <translation>Category</translation>
        </message>
        <message>
            <source>分類「{text}」はすでにあります。一覧から選んでください。</source>
            <translation>The category "{text}" already exists. Please choose it from the list.</translation>
        </message>
        <message>
            <source>分類名</source>
            <translation>Category name</translation>
        </message>
        <message>
            <source>別の利用者</source>
            <translation>another user</translation>
        </message>
        <message>
            <source>利用者</source>
            <translation>User</translation>
        </message>
        <message>
            <source>利用者「{login}」はこのサーバーに登録されていないため、閲覧だけができます。データを変更するには、管理者に利用者の登録を依頼してください。</source>
            <translation>The user "{login}" is not registered on this server, so you can only view the data. To change data, ask an administrator to register you as a user.</translation>
        </message>
        <message>
            <source>利用者の担当学区</source>
            <translation>User's districts</translation>
        </message>
        <message>
            <source>利用者名（サーバーのログイン名）を入力してください。</source>
            <translation>Enter the user name (the login name on the server).</translation>
        </message>
        <message>
            <source>削除</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>前年度の決算から自動で繰り越しているため、前年度繰越は変更できません。前年度の決算を修正してください。</source>
            <translation>The opening balance is carried from last year's closing and cannot be typed. Revise last year's books instead.</translation>
        </message>
        <message>
            <source>前年度繰越金は前年度の決算から自動で計上されます。記帳には別の科目を選んでください。</source>
            <translation>"Carried forward" is filled from last year's closing. Choose another subject for this entry.</translation>
        </message>
        <message>
            <source>前年度繰越（現金）</source>
            <translation>opening balance (cash)</translation>
        </message>
        <message>
            <source>前年度繰越（預金）</source>
            <translation>opening balance (bank)</translation>
        </message>
        <message>
            <source>協働パートナー</source>
            <translation>Collaboration partners</translation>
        </message>
        <message>
            <source>協働パートナーは、人か団体のどちらか一つを選んでください。</source>
            <translation>Choose either a person or an organisation as the collaboration partner, not both.</translation>
        </message>
        <message>
            <source>協働マニュアル</source>
            <translation>Collaboration manual</translation>
        </message>
        <message>
            <source>協働マニュアルの改訂</source>
            <translation>Collaboration manual revision</translation>
        </message>
        <message>
            <source>協働マニュアルの版</source>
            <translation>Collaboration manual edition</translation>
        </message>
        <message>
            <source>協働事業</source>
            <translation>Projects</translation>
        </message>
        <message>
            <source>協働事業と地域課題のつながり</source>
            <translation>Link between a project and a regional issue</translation>
        </message>
        <message>
            <source>協働事業の工程</source>
            <translation>Project milestone</translation>
        </message>
        <message>
            <source>協働事業の役割分担</source>
            <translation>Project roles</translation>
        </message>
        <message>
            <source>協働事業の担当職員</source>
            <translation>Project staff</translation>
        </message>
        <message>
            <source>協議会の監査報告の文言</source>
            <translation>council's audit report wording</translation>
        </message>
        <message>
            <source>協議会名</source>
            <translation>Council name</translation>
        </message>
        <message>
            <source>単位</source>
            <translation>Unit</translation>
        </message>
        <message>
            <source>参加した職員を一人以上選んでください。</source>
            <translation>Choose at least one staff member who took part.</translation>
        </message>
        <message>
            <source>参加した職員を一覧から選び直してください。</source>
            <translation>Choose the staff who took part from the list again.</translation>
        </message>
        <message>
            <source>参加者数</source>
            <translation>Participants</translation>
        </message>
        <message>
            <source>収入</source>
            <translation>Income</translation>
        </message>
        <message>
            <source>収入と支出のどちらか一方だけに金額を入力してください（1行に1件）。</source>
            <translation>Enter an amount in either income or expense, not both (one item per line).</translation>
        </message>
        <message>
            <source>取り込みの途中で名簿が変わったため、中止しました。もう一度取り込んでください。</source>
            <translation>The import was stopped because the roster changed while it was running. Please import again.</translation>
        </message>
        <message>
            <source>受付日</source>
            <translation>date received</translation>
        </message>
        <message>
            <source>受講者の氏名</source>
            <translation>Participant's name</translation>
        </message>
        <message>
            <source>受講者を名簿から選ぶか、氏名を入力してください。</source>
            <translation>Choose the participant from the roster, or enter their name.</translation>
        </message>
        <message>
            <source>古い形式のExcelファイル（.xls）は読めません。.xlsx か CSV で保存し直してください。</source>
            <translation>Old-format Excel files (.xls) cannot be read. Save the file again as .xlsx or CSV.</translation>
        </message>
        <message>
            <source>同じ会議体・年度の会議が同時に登録されたため、回数を決められませんでした。もう一度保存してください。</source>
            <translation>Another meeting of the same body and fiscal year was registered at the same time, so the meeting number could not be decided. Please save again.</translation>
        </message>
        <message>
            <source>同じ学区どうしは統合できません。統合先を選び直してください。</source>
            <translation>A district cannot be merged into itself. Please choose a different district to merge into.</translation>
        </message>
        <message>
            <source>同じ所属（役割・任期）が二つ指定されています。片方を削除してから保存してください。</source>
            <translation>The same membership (role and term) is listed twice. Delete one of them and save again.</translation>
        </message>
        <message>
            <source>名簿</source>
            <translation>Members</translation>
        </message>
        <message>
            <source>名簿から完全に削除しました。</source>
            <translation>The person was deleted from the roster completely.</translation>
        </message>
        <message>
            <source>名簿の人</source>
            <translation>Roster member</translation>
        </message>
        <message>
            <source>名簿の人（ID {person_id}）が見つかりません。一覧を更新して選び直してください。</source>
            <translation>The roster member (ID {person_id}) was not found. Refresh the list and choose again.</translation>
        </message>
        <message>
            <source>名簿の情報</source>
            <translation>member details</translation>
        </message>
        <message>
            <source>団体</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <source>団体の一覧</source>
            <translation>List of organisations</translation>
        </message>
        <message>
            <source>団体名</source>
            <translation>Organisation name</translation>
        </message>
        <message>
            <source>地域まちづくり協議会には学区を選んでください。</source>
            <translation>Choose a district for a district council.</translation>
        </message>
        <message>
            <source>地域課題</source>
            <translation>Regional issues</translation>
        </message>
        <message>
            <source>地域課題の経過</source>
            <translation>Regional issue history</translation>
        </message>
        <message>
            <source>地域課題（ID {issue_id}）が見つかりません。課題を選び直してください。</source>
            <translation>The regional issue (ID {issue_id}) was not found. Please choose the issue again.</translation>
        </message>
        <message>
            <source>場所</source>
            <translation>Place</translation>
        </message>
        <message>
            <source>壊れたファイルは「{name}」という名前で同じフォルダに残してあります（削除はしていません）。</source>
            <translation>The damaged file has been kept in the same folder under the name "{name}" (it has not been deleted).</translation>
        </message>
        <message>
            <source>変更</source>
            <translation>Change</translation>
        </message>
        <message>
            <source>変更された箇所がありません。直したい箇所を変更してから修正してください。</source>
            <translation>Nothing has been changed. Change the parts you want to correct, then save the revision.</translation>
        </message>
        <message>
            <source>変更の要約が長すぎます（{max_len}文字まで）。1行に短くまとめてください。</source>
            <translation>The summary of changes is too long (up to {max_len} characters). Please keep it short, on one line.</translation>
        </message>
        <message>
            <source>変更の要約は1行で入力してください（改行は使えません）。</source>
            <translation>Enter the summary of changes on one line (line breaks cannot be used).</translation>
        </message>
        <message>
            <source>変更の要約（何をなぜ変えたか）を1行で入力してください。例:「連絡先を更新」</source>
            <translation>Enter a one-line summary of the change (what was changed and why). Example: "Updated contact details"</translation>
        </message>
        <message>
            <source>変更日</source>
            <translation>Date of change</translation>
        </message>
        <message>
            <source>変更日が前回の記録（{date}）より前になっています。日付を確認してください。</source>
            <translation>The date of change is before the previous record ({date}). Please check the dates.</translation>
        </message>
        <message>
            <source>変更日を入力してください。</source>
            <translation>Enter the date of change.</translation>
        </message>
        <message>
            <source>委嘱</source>
            <translation>Appointment</translation>
        </message>
        <message>
            <source>委嘱（役割・任期）</source>
            <translation>Appointment (role and term)</translation>
        </message>
        <message>
            <source>学区</source>
            <translation>District</translation>
        </message>
        <message>
            <source>学区「{name}」が見つかりません。登録されている学区: {names}</source>
            <translation>The district "{name}" was not found. Registered districts: {names}</translation>
        </message>
        <message>
            <source>学区「{name}」はすでに登録されています。別の名前にしてください。</source>
            <translation>The district "{name}" is already registered. Please choose a different name.</translation>
        </message>
        <message>
            <source>学区名</source>
            <translation>District name</translation>
        </message>
        <message>
            <source>完了日が、宿題事項が出た会議の日より前です。日付を確認してください。</source>
            <translation>The completion date is before the date of the meeting where the action item was raised. Please check the dates.</translation>
        </message>
        <message>
            <source>定足数に達しないときの注記</source>
            <translation>remark when there is no quorum</translation>
        </message>
        <message>
            <source>宛先は「全員」か「未回答の方」を選んでください。</source>
            <translation>Choose the recipients: everyone or those who have not replied.</translation>
        </message>
        <message>
            <source>実施日を入力してください。</source>
            <translation>Please enter the date it was held.</translation>
        </message>
        <message>
            <source>実査の金額</source>
            <translation>counted amount</translation>
        </message>
        <message>
            <source>実績報告日</source>
            <translation>Results reported on</translation>
        </message>
        <message>
            <source>実績額は交付決定の後に記録できます（今は「{status}」です）。</source>
            <translation>The amount spent can be recorded after the grant is awarded (now "{status}").</translation>
        </message>
        <message>
            <source>宿題事項</source>
            <translation>Action item</translation>
        </message>
        <message>
            <source>宿題事項（{n}件目）の内容</source>
            <translation>Content of action item {n}</translation>
        </message>
        <message>
            <source>審査日</source>
            <translation>Reviewed on</translation>
        </message>
        <message>
            <source>対応・つなぎ先</source>
            <translation>Response / referred to</translation>
        </message>
        <message>
            <source>対応付けに不明な項目があります: {fields}</source>
            <translation>The mapping contains unknown fields: {fields}</translation>
        </message>
        <message>
            <source>工程</source>
            <translation>Milestones</translation>
        </message>
        <message>
            <source>工程名</source>
            <translation>Milestone</translation>
        </message>
        <message>
            <source>差異の説明</source>
            <translation>Explanation of the difference</translation>
        </message>
        <message>
            <source>帳簿の{account}残高（{balance}）と数えた金額（{counted}）に{diff}の差異があります。理由（例: 領収書の記帳漏れ）を入力してください。</source>
            <translation>The {account} balance in the books ({balance}) and the amount counted ({counted}) differ by {diff}. Enter the reason (e.g. a receipt not yet entered).</translation>
        </message>
        <message>
            <source>年度が入力されていません。{examples}のように入力してください。</source>
            <translation>No fiscal year has been entered. Enter it like {examples}.</translation>
        </message>
        <message>
            <source>年度を選んでください。</source>
            <translation>Choose a fiscal year.</translation>
        </message>
        <message>
            <source>年度末の残高がマイナスです（現金 {cash}、預金 {bank}）。記帳を確かめてから決算確定してください。</source>
            <translation>The year-end balance is negative (cash {cash}, bank {bank}). Check the entries before closing the year.</translation>
        </message>
        <message>
            <source>形式「{fmt}」では書き出せません。csv か xlsx を指定してください。</source>
            <translation>Cannot export in the format "{fmt}". Specify csv or xlsx.</translation>
        </message>
        <message>
            <source>役割</source>
            <translation>Role</translation>
        </message>
        <message>
            <source>役割分担</source>
            <translation>Roles</translation>
        </message>
        <message>
            <source>役職</source>
            <translation>Post</translation>
        </message>
        <message>
            <source>後任の「{name}」さんは名簿から削除されています。別の人を選んでください。</source>
            <translation>The successor {name} was removed from the roster. Choose someone else.</translation>
        </message>
        <message>
            <source>後任の人</source>
            <translation>successor</translation>
        </message>
        <message>
            <source>復元したファイル</source>
            <translation>Restored file</translation>
        </message>
        <message>
            <source>復元できませんでした（{error}）。データファイルの場所と書き込み権限を確認してください。</source>
            <translation>Could not restore ({error}). Check the location of the data file and the write permission.</translation>
        </message>
        <message>
            <source>復元元と復元先が同じファイルです。バックアップのファイルを選んでください。</source>
            <translation>The backup and the file to restore into are the same file. Please choose a backup file.</translation>
        </message>
        <message>
            <source>復元後の検査で異常が見つかりました。別のバックアップから復元し直してください。</source>
            <translation>A problem was found in the check after restoring. Please restore again from a different backup.</translation>
        </message>
        <message>
            <source>成果</source>
            <translation>Results</translation>
        </message>
        <message>
            <source>成果指標</source>
            <translation>Outcome indicators</translation>
        </message>
        <message>
            <source>成果指標の値</source>
            <translation>Indicator value</translation>
        </message>
        <message>
            <source>担当</source>
            <translation>In charge</translation>
        </message>
        <message>
            <source>担当内容</source>
            <translation>Responsibilities</translation>
        </message>
        <message>
            <source>担当者</source>
            <translation>Contact person</translation>
        </message>
        <message>
            <source>指標への貢献</source>
            <translation>Contribution to indicators</translation>
        </message>
        <message>
            <source>指標コード「{code}」はすでに使われています。別のコードにしてください。</source>
            <translation>The indicator code "{code}" is already in use. Please choose a different code.</translation>
        </message>
        <message>
            <source>指標コードは半角英数字と「_」で50文字までにしてください（例: volunteers）。</source>
            <translation>Use only letters, digits and "_" in the indicator code, up to 50 characters (e.g. volunteers).</translation>
        </message>
        <message>
            <source>指標コード（半角英数字、例: volunteers）を入力してください。</source>
            <translation>Enter the indicator code (letters and digits, e.g. volunteers).</translation>
        </message>
        <message>
            <source>指標名</source>
            <translation>Indicator</translation>
        </message>
        <message>
            <source>振替の金額を入力してください。</source>
            <translation>Enter the amount to transfer.</translation>
        </message>
        <message>
            <source>提起日</source>
            <translation>Raised on</translation>
        </message>
        <message>
            <source>提起日が最初のステータス変更（{date}）より後になっています。日付を確認してください。</source>
            <translation>The date raised is after the first status change ({date}). Please check the dates.</translation>
        </message>
        <message>
            <source>摘要</source>
            <translation>Description</translation>
        </message>
        <message>
            <source>支出</source>
            <translation>Expense</translation>
        </message>
        <message>
            <source>支出額</source>
            <translation>Amount spent</translation>
        </message>
        <message>
            <source>改正の内容</source>
            <translation>what was amended</translation>
        </message>
        <message>
            <source>改選の一覧が古くなっています。画面を開き直してから、もう一度適用してください。</source>
            <translation>The changeover list is out of date. Open the screen again and apply again.</translation>
        </message>
        <message>
            <source>改選の日</source>
            <translation>changeover date</translation>
        </message>
        <message>
            <source>改選の日は{fy}の途中から翌年度の終わりまでの日付にしてください（ふつうは4月1日）。</source>
            <translation>Choose a changeover date from within {fy} to the end of the next fiscal year (usually 1 April).</translation>
        </message>
        <message>
            <source>数量</source>
            <translation>Quantity</translation>
        </message>
        <message>
            <source>数量は1以上を入力してください。</source>
            <translation>Enter a quantity of 1 or more.</translation>
        </message>
        <message>
            <source>文字コード「{encoding}」は使えません。utf-8 か cp932 を指定してください。</source>
            <translation>The encoding "{encoding}" cannot be used. Specify utf-8 or cp932.</translation>
        </message>
        <message>
            <source>施行日</source>
            <translation>In force from</translation>
        </message>
        <message>
            <source>日付が入力されていません。</source>
            <translation>No date has been entered.</translation>
        </message>
        <message>
            <source>日付は{year}（{first}〜{last}）の中で入力してください。</source>
            <translation>Enter a date within {year} ({first} – {last}).</translation>
        </message>
        <message>
            <source>日付を入力してください。</source>
            <translation>Enter the date.</translation>
        </message>
        <message>
            <source>明治元年（1868年10月23日）より前の日付は扱えません。日付を確かめてください。</source>
            <translation>Dates before Meiji 1 (23 October 1868) cannot be handled. Please check the date.</translation>
        </message>
        <message>
            <source>明細の見出し（日付・摘要・お預り金額・お支払金額）が見つかりません。列の割り当てを選んでから、もう一度読み込んでください。</source>
            <translation>The statement's headings (date, description, deposit, withdrawal) were not found. Choose which column is which, then read the file again.</translation>
        </message>
        <message>
            <source>時間数</source>
            <translation>Hours</translation>
        </message>
        <message>
            <source>暗号化の設定が正しくありません。</source>
            <translation>The encryption setting is not valid.</translation>
        </message>
        <message>
            <source>書き換えたバックアップの検査で異常が見つかりました（{details}）。</source>
            <translation>The check of the rewritten backup found a problem ({details}).</translation>
        </message>
        <message>
            <source>書類</source>
            <translation>Documents</translation>
        </message>
        <message>
            <source>書類名</source>
            <translation>Document</translation>
        </message>
        <message>
            <source>最初に登録する利用者は管理者にしてください（管理者がいないと、利用者を登録・変更できなくなります）。</source>
            <translation>The first user to register must be an administrator (without an administrator, users cannot be registered or changed).</translation>
        </message>
        <message>
            <source>最初の管理者は、いま接続している利用者「{login}」で登録してください。別の名前で登録すると、あなたが変更できなくなります。</source>
            <translation>Register the first administrator as the user you are connected as now, "{login}". If you register a different name, you will not be able to make changes.</translation>
        </message>
        <message>
            <source>最初の見出し（# 章の名前）より前に本文があります。先頭に「# 」で始まる章の見出しを置いてください。</source>
            <translation>There is text before the first heading (# chapter name). Put a chapter heading starting with "# " at the top.</translation>
        </message>
        <message>
            <source>最後の管理者は削除できません。先に別の管理者を登録してください。</source>
            <translation>The last administrator cannot be deleted. Register another administrator first.</translation>
        </message>
        <message>
            <source>期間の初日を入力してください（例: 2026-04-01）。</source>
            <translation>Enter the first day of the period (e.g. 2026-04-01).</translation>
        </message>
        <message>
            <source>期間の最終日が初日より前になっています。日付を確認してください。</source>
            <translation>The last day of the period is before the first day. Please check the dates.</translation>
        </message>
        <message>
            <source>期間の最終日を入力してください（例: 2026-09-30）。</source>
            <translation>Enter the last day of the period (e.g. 2026-09-30).</translation>
        </message>
        <message>
            <source>期間の終わりが始まりより前になっています。日付を確認してください。</source>
            <translation>The end of the period is before its start. Please check the dates.</translation>
        </message>
        <message>
            <source>本文</source>
            <translation>Text</translation>
        </message>
        <message>
            <source>本文が長すぎます（{max_len}文字まで）。節を分けてください。</source>
            <translation>The text is too long (up to {max_len} characters). Please split it into sections.</translation>
        </message>
        <message>
            <source>来賓・説明者「{name}」さんの所属（例: 社会福祉協議会、住民）を入力してください。</source>
            <translation>Enter the affiliation of the guest or speaker {name} (e.g. Social Welfare Council, resident).</translation>
        </message>
        <message>
            <source>検索用の索引</source>
            <translation>Search index</translation>
        </message>
        <message>
            <source>次回の予定</source>
            <translation>Next meeting</translation>
        </message>
        <message>
            <source>残高</source>
            <translation>Balance</translation>
        </message>
        <message>
            <source>氏名</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>氏名（または姓）の列を指定してください。</source>
            <translation>Specify the column for the name (or family name).</translation>
        </message>
        <message>
            <source>決定事項</source>
            <translation>Decisions</translation>
        </message>
        <message>
            <source>決定日</source>
            <translation>Decided on</translation>
        </message>
        <message>
            <source>決算の修正</source>
            <translation>revision of a closed year</translation>
        </message>
        <message>
            <source>決算の修正は、決算確定した年度だけで行えます。執行中の年度は、そのまま記帳や訂正をしてください。</source>
            <translation>Only a closed year is revised. In an open year, enter or correct entries directly.</translation>
        </message>
        <message>
            <source>決算を修正する理由を入力してください。</source>
            <translation>Enter the reason for revising the closed year.</translation>
        </message>
        <message>
            <source>決算確定の日付を入力してください。</source>
            <translation>Enter the date the year is closed.</translation>
        </message>
        <message>
            <source>活動の種類を選んでください。</source>
            <translation>Please choose the kind of activity.</translation>
        </message>
        <message>
            <source>活動内容</source>
            <translation>Activity details</translation>
        </message>
        <message>
            <source>活動名</source>
            <translation>Activity</translation>
        </message>
        <message>
            <source>活動記録</source>
            <translation>Activity records</translation>
        </message>
        <message>
            <source>活動記録の参加職員</source>
            <translation>Staff taking part in an activity</translation>
        </message>
        <message>
            <source>消去したという記録（だれが・いつ）は、氏名を含めずに操作の記録に残ります。</source>
            <translation>The record that the erasure was done (who, when) stays in the activity log, without the name.</translation>
        </message>
        <message>
            <source>消去前の情報を含むバックアップはありません。</source>
            <translation>No backup holds the data as it was before the erasure.</translation>
        </message>
        <message>
            <source>版の表題</source>
            <translation>Edition title</translation>
        </message>
        <message>
            <source>状態</source>
            <translation>State</translation>
        </message>
        <message>
            <source>現金・預金の実査</source>
            <translation>Cash and bank count</translation>
        </message>
        <message>
            <source>理由</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>申請日</source>
            <translation>Applied on</translation>
        </message>
        <message>
            <source>申請額</source>
            <translation>Amount applied for</translation>
        </message>
        <message>
            <source>町からの公職の方は、公職名（例: 民生委員・児童委員）を入力してください。</source>
            <translation>For a public post from the town, enter the post (e.g. welfare commissioner).</translation>
        </message>
        <message>
            <source>町のサーバーのデータは、このプログラムではバックアップ・復元できません。サーバーの管理者に依頼してください。</source>
            <translation>Data on the town server cannot be backed up or restored with this program. Please ask the server administrator.</translation>
        </message>
        <message>
            <source>町のサーバーのバックアップからの消去は、サーバーの管理者に依頼してください。</source>
            <translation>Ask the server administrator to erase it from the town server's backups.</translation>
        </message>
        <message>
            <source>町のサーバーのバックアップは、このプログラムでは消去できません。サーバーの管理者に依頼してください。</source>
            <translation>This program cannot erase from the town server's backups. Ask the server administrator.</translation>
        </message>
        <message>
            <source>発行日を入力してください。</source>
            <translation>Please enter the publication date.</translation>
        </message>
        <message>
            <source>登録</source>
            <translation>Register</translation>
        </message>
        <message>
            <source>監査ログ</source>
            <translation>Audit log</translation>
        </message>
        <message>
            <source>監査報告の文言</source>
            <translation>Audit report wording</translation>
        </message>
        <message>
            <source>目標の達成は「達成」「未達成」「未判定」から選んでください。</source>
            <translation>For whether the aims were achieved, choose "Achieved", "Not achieved" or "Not yet judged".</translation>
        </message>
        <message>
            <source>目的</source>
            <translation>Purpose</translation>
        </message>
        <message>
            <source>相手先</source>
            <translation>Payee / payer</translation>
        </message>
        <message>
            <source>相談内容</source>
            <translation>Consultation</translation>
        </message>
        <message>
            <source>相談日</source>
            <translation>Consulted on</translation>
        </message>
        <message>
            <source>相談者の氏名</source>
            <translation>Client's name</translation>
        </message>
        <message>
            <source>相談記録</source>
            <translation>Consultations</translation>
        </message>
        <message>
            <source>研修「{title}」の記録は、ほかの場所で削除されています。</source>
            <translation>The record of the training "{title}" has been deleted elsewhere.</translation>
        </message>
        <message>
            <source>研修「{title}」の記録は、開いた後に別の場所で変更されています。再読み込みしてから、もう一度操作してください。</source>
            <translation>The record of the training "{title}" was changed elsewhere after you opened it. Reload it, then try again.</translation>
        </message>
        <message>
            <source>研修名</source>
            <translation>Training</translation>
        </message>
        <message>
            <source>研修記録</source>
            <translation>Training record</translation>
        </message>
        <message>
            <source>確定した議事録の会議は削除できません。修正が必要なら「修正」を使ってください。</source>
            <translation>A meeting with approved minutes cannot be deleted. If a correction is needed, use "Revise".</translation>
        </message>
        <message>
            <source>確定した議事録を修正する理由を入力してください。</source>
            <translation>Enter the reason for revising the approved minutes.</translation>
        </message>
        <message>
            <source>確定日</source>
            <translation>Approved on</translation>
        </message>
        <message>
            <source>確定日が開催日より前になっています。日付を確認してください。</source>
            <translation>The approval date is before the meeting date. Please check the dates.</translation>
        </message>
        <message>
            <source>確定済みの議事録{count}件（{titles}）に記載された氏名は、公文書のため残しました。</source>
            <translation>The name written in {count} approved minutes ({titles}) was kept: they are official records.</translation>
        </message>
        <message>
            <source>科目</source>
            <translation>Account item</translation>
        </message>
        <message>
            <source>科目の収入・支出の区分と、細目の所属は変えられません（年度の比較が崩れるため）。新しい科目を作ってください。</source>
            <translation>A subject's income/expense side and a sub-item's parent cannot change (years would no longer compare). Create a new subject.</translation>
        </message>
        <message>
            <source>科目を選んでください。</source>
            <translation>Choose an account item.</translation>
        </message>
        <message>
            <source>科目名</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>移動先の位置は0以上で指定してください（0が先頭）。</source>
            <translation>Specify a destination position of 0 or more (0 is the top).</translation>
        </message>
        <message>
            <source>移動先の章・節</source>
            <translation>Destination chapter or section</translation>
        </message>
        <message>
            <source>移行を中止しました。コピー先は元のままです。</source>
            <translation>The migration was stopped. The destination is unchanged.</translation>
        </message>
        <message>
            <source>空き容量が足りないため復元できませんでした（{folder}）。不要なファイルを削除してから、もう一度復元してください。</source>
            <translation>Could not restore because there is not enough free space ({folder}). Delete files you no longer need, then restore again.</translation>
        </message>
        <message>
            <source>第{no}号はすでに第{by}号で訂正されています。</source>
            <translation>No. {no} has already been cancelled by No. {by}.</translation>
        </message>
        <message>
            <source>第{no}号は第{by}号の訂正で取り消されているため{verb}できません。先に訂正の記帳を削除してください。</source>
            <translation>No. {no} is cancelled by correction No. {by}, so it cannot be edited or deleted ({verb}). Delete the correction first.</translation>
        </message>
        <message>
            <source>第{number}版は今の内容と同じです。復元する必要はありません。</source>
            <translation>Version {number} is the same as the current content. There is no need to restore it.</translation>
        </message>
        <message>
            <source>管理番号</source>
            <translation>Item number</translation>
        </message>
        <message>
            <source>管理番号「{code}」はほかの資機材に使われています。別の番号にしてください。</source>
            <translation>The item number "{code}" is already used for other equipment. Please choose a different number.</translation>
        </message>
        <message>
            <source>管理者が一人もいなくなるため、役割を変更できません。先に別の管理者を登録してください。</source>
            <translation>The role cannot be changed, because no administrator would be left. Register another administrator first.</translation>
        </message>
        <message>
            <source>細目は、同じ協議会の科目の下にだけ作れます。科目を選び直してください。</source>
            <translation>A sub-item can only be made under a subject of the same council. Choose the subject again.</translation>
        </message>
        <message>
            <source>終了日が開始日より前になっています。日付を確認してください。</source>
            <translation>The end date is before the start date. Please check the dates.</translation>
        </message>
        <message>
            <source>終了時刻が開始時刻より前（または同じ）になっています。時刻を確認してください。</source>
            <translation>The end time is before (or the same as) the start time. Please check the times.</translation>
        </message>
        <message>
            <source>統合先「{name}」はすでに他の学区に統合されています。</source>
            <translation>The district to merge into, "{name}", has already been merged into another district.</translation>
        </message>
        <message>
            <source>総会議案書の文案</source>
            <translation>text of the meeting pack</translation>
        </message>
        <message>
            <source>職員</source>
            <translation>Staff</translation>
        </message>
        <message>
            <source>職員地域活動</source>
            <translation>Staff community activities</translation>
        </message>
        <message>
            <source>職員地域活動の記録</source>
            <translation>Staff community activity record</translation>
        </message>
        <message>
            <source>自動集計「{computed}」はありません。空欄（手入力）か次から選んでください: {choices}</source>
            <translation>There is no automatic total "{computed}". Leave it blank (manual entry) or choose one of: {choices}</translation>
        </message>
        <message>
            <source>行が多すぎます（{limit}行まで取り込めます）。ファイルを分けて取り込んでください。</source>
            <translation>Too many rows (at most {limit} can be imported). Split the file and import the parts one by one.</translation>
        </message>
        <message>
            <source>表示名</source>
            <translation>Display name</translation>
        </message>
        <message>
            <source>表示順</source>
            <translation>Display order</translation>
        </message>
        <message>
            <source>補助制度名</source>
            <translation>Grant scheme name</translation>
        </message>
        <message>
            <source>補助金の申請</source>
            <translation>Grant application</translation>
        </message>
        <message>
            <source>補助金の申請が登録されている事業は削除できません。やめる場合はステータスを「中止」にしてください。</source>
            <translation>A project with registered grant applications cannot be deleted. To stop it, set its status to "Cancelled".</translation>
        </message>
        <message>
            <source>補助金の記録の支出額（{recorded}）と、出納帳の実績額（{spent}）が違います。どちらが正しいか確かめてください。</source>
            <translation>The grant record's amount spent ({recorded}) differs from the cash book's ({spent}). Check which is right.</translation>
        </message>
        <message>
            <source>補助金書類</source>
            <translation>Grant document</translation>
        </message>
        <message>
            <source>補助金申請</source>
            <translation>Grant application</translation>
        </message>
        <message>
            <source>補助金申請の書類</source>
            <translation>Grant application document</translation>
        </message>
        <message>
            <source>補正する科目と金額を入力してください。</source>
            <translation>Enter the subjects and amounts the revision changes.</translation>
        </message>
        <message>
            <source>補正の理由を入力してください。</source>
            <translation>Enter the reason for the budget revision.</translation>
        </message>
        <message>
            <source>補正予算があるため、当初予算は変更できません。変更は新しい補正予算として登録してください。</source>
            <translation>The original budget cannot change once there is a revision. Enter the change as a new budget revision.</translation>
        </message>
        <message>
            <source>見出し</source>
            <translation>Heading</translation>
        </message>
        <message>
            <source>見出し「{title}」: {message}</source>
            <translation>Heading "{title}": {message}</translation>
        </message>
        <message>
            <source>見出しがありません。章は「# 」、節は「## 」で始まる行にしてください。</source>
            <translation>There are no headings. Start chapter headings with "# " and section headings with "## ".</translation>
        </message>
        <message>
            <source>見出しの行が見つかりません。先頭の方の行に「氏名」「フリガナ」などの見出しを付けてから取り込んでください。</source>
            <translation>No heading row was found. Put column headings such as name (shimei) and furigana in one of the first rows, then import.</translation>
        </message>
        <message>
            <source>訂正の日付は、元の記帳（{date}）以降にしてください。</source>
            <translation>Date the correction on or after the original entry ({date}).</translation>
        </message>
        <message>
            <source>訂正の日付を入力してください。</source>
            <translation>Enter the date of the correction.</translation>
        </message>
        <message>
            <source>訂正の理由</source>
            <translation>Reason for the correction</translation>
        </message>
        <message>
            <source>訂正の理由を入力してください。</source>
            <translation>Enter the reason for the correction.</translation>
        </message>
        <message>
            <source>訂正の記帳は、さらに訂正できません。正しい内容で記帳し直してください。</source>
            <translation>A correction cannot itself be corrected. Enter the right entry again.</translation>
        </message>
        <message>
            <source>訂正や振替の記帳は変更できません。削除してから、記帳し直してください。</source>
            <translation>Corrections and transfers cannot be edited. Delete and enter them again.</translation>
        </message>
        <message>
            <source>記録者</source>
            <translation>Recorded by</translation>
        </message>
        <message>
            <source>設定</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>設立済の協議会には設立日を入力してください。</source>
            <translation>Enter the founding date for a council that has been established.</translation>
        </message>
        <message>
            <source>評価は1〜5の整数で選んでください（未評価なら空欄）。</source>
            <translation>Choose a rating from 1 to 5 (leave it blank if not rated).</translation>
        </message>
        <message>
            <source>読み取り専用で開いているため保存できません。{kept}編集するには、開き直してください。</source>
            <translation>Cannot save because the file is opened read-only. {kept} To edit, open it again.</translation>
        </message>
        <message>
            <source>読み取り専用で開いているため復元できません。通常どおり開き直してから復元してください。</source>
            <translation>Opened read-only: nothing can be restored. Open the file again normally, then restore.</translation>
        </message>
        <message>
            <source>読み取り専用で開いているため消去できません。通常どおり開き直してください。</source>
            <translation>Opened read-only: nothing can be erased. Open the file again normally.</translation>
        </message>
        <message>
            <source>読んだ行 {total}: 取り込める行 {ok}、取り込めない行 {refused}、空行 {blank}、見出し・表題 {title}（まだ何も取り込んでいません）</source>
            <translation>Lines read {total}: can be imported {ok}, cannot be imported {refused}, blank {blank}, header or title {title} (nothing imported yet)</translation>
        </message>
        <message>
            <source>読んだ行 {total}: 取り込んだ行 {done}、取り込まなかった行 {refused}、空行 {blank}、見出し・表題 {title}</source>
            <translation>Lines read {total}: imported {done}, not imported {refused}, blank {blank}, header or title {title}</translation>
        </message>
        <message>
            <source>課題</source>
            <translation>Issue</translation>
        </message>
        <message>
            <source>課題「{title}」は「事業化」になっているため、結び付きを外せません。先に課題のステータスを変更してください。</source>
            <translation>The link cannot be removed because the issue "{title}" is set to "Became a project". Change the issue's status first.</translation>
        </message>
        <message>
            <source>課題の分類</source>
            <translation>Issue category</translation>
        </message>
        <message>
            <source>課題名</source>
            <translation>Issue</translation>
        </message>
        <message>
            <source>講座</source>
            <translation>Courses</translation>
        </message>
        <message>
            <source>講座「{title}」にこの受講者（ID {attendee_id}）はいません。一覧を更新してください。</source>
            <translation>This participant (ID {attendee_id}) is not in the course "{title}". Please refresh the list.</translation>
        </message>
        <message>
            <source>講座の参加者</source>
            <translation>Course participant</translation>
        </message>
        <message>
            <source>講座名</source>
            <translation>Course</translation>
        </message>
        <message>
            <source>議事録</source>
            <translation>Minutes</translation>
        </message>
        <message>
            <source>議事録が確定した会議には出欠の回答を入力できません。出欠は議事録の「修正」で直してください。</source>
            <translation>Replies cannot be entered once the minutes are approved. Correct attendance with Revise on the minutes.</translation>
        </message>
        <message>
            <source>議事録の改訂</source>
            <translation>Minutes revision</translation>
        </message>
        <message>
            <source>議事録署名人</source>
            <translation>Minutes signatory</translation>
        </message>
        <message>
            <source>議事録署名人は、出欠が「出席」か「代理」の出席者から選んでください。出欠を確認してください。</source>
            <translation>Choose the minutes signatories from attendees marked "Present" or "Proxy". Please check the attendance.</translation>
        </message>
        <message>
            <source>議事録署名人は二人の別の方を選んでください。二人目を選び直してください。</source>
            <translation>Choose two different people as minutes signatories. Please choose the second one again.</translation>
        </message>
        <message>
            <source>議事録署名人（1人目）</source>
            <translation>Minutes signatory (first)</translation>
        </message>
        <message>
            <source>議事録署名人（2人目）</source>
            <translation>Minutes signatory (second)</translation>
        </message>
        <message>
            <source>議案書の本文</source>
            <translation>text of the meeting pack</translation>
        </message>
        <message>
            <source>議決した日付を入力してください。</source>
            <translation>Enter the date it was resolved.</translation>
        </message>
        <message>
            <source>議決日</source>
            <translation>date resolved</translation>
        </message>
        <message>
            <source>議決日が前の予算（{date}）より前になっています。日付を確認してください。</source>
            <translation>The date resolved is before the previous budget ({date}). Check the date.</translation>
        </message>
        <message>
            <source>議長</source>
            <translation>Chairperson</translation>
        </message>
        <message>
            <source>議題</source>
            <translation>Agenda</translation>
        </message>
        <message>
            <source>議題が一つもありません。議題を入力してから確定してください。</source>
            <translation>There are no agenda items. Enter the agenda items before approving.</translation>
        </message>
        <message>
            <source>議題（{n}件目）の題名</source>
            <translation>Title of agenda item {n}</translation>
        </message>
        <message>
            <source>貸出・予約で同じ日に最大{peak}個使われる予定があるため、数量を{peak}より少なくできません。</source>
            <translation>Loans and reservations will use up to {peak} on the same day, so the quantity cannot be less than {peak}.</translation>
        </message>
        <message>
            <source>貸出日</source>
            <translation>Lent on</translation>
        </message>
        <message>
            <source>貸出日を入力してください。</source>
            <translation>Enter the loan date.</translation>
        </message>
        <message>
            <source>貸出記録</source>
            <translation>Loan record</translation>
        </message>
        <message>
            <source>資料の注記</source>
            <translation>note for the paper</translation>
        </message>
        <message>
            <source>資料・備考</source>
            <translation>Materials and notes</translation>
        </message>
        <message>
            <source>資機材</source>
            <translation>Equipment</translation>
        </message>
        <message>
            <source>資機材の貸出</source>
            <translation>Equipment loan</translation>
        </message>
        <message>
            <source>資機材名</source>
            <translation>Equipment</translation>
        </message>
        <message>
            <source>起業</source>
            <translation>Business start-up</translation>
        </message>
        <message>
            <source>起業の記録</source>
            <translation>Start-up record</translation>
        </message>
        <message>
            <source>起業日（開業日）</source>
            <translation>Start-up date (opening day)</translation>
        </message>
        <message>
            <source>起業者の氏名</source>
            <translation>Entrepreneur's name</translation>
        </message>
        <message>
            <source>起業記録</source>
            <translation>Start-up record</translation>
        </message>
        <message>
            <source>返却予定日</source>
            <translation>Due back</translation>
        </message>
        <message>
            <source>返却予定日が貸出日より前になっています。日付を確認してください。</source>
            <translation>The due date is before the loan date. Please check the dates.</translation>
        </message>
        <message>
            <source>返却予定日を入力してください。</source>
            <translation>Enter the due date.</translation>
        </message>
        <message>
            <source>返却日</source>
            <translation>Returned on</translation>
        </message>
        <message>
            <source>返却日が貸出日（{date}）より前になっています。日付を確認してください。</source>
            <translation>The return date is before the loan date ({date}). Please check the dates.</translation>
        </message>
        <message>
            <source>返却日を入力してください。</source>
            <translation>Enter the return date.</translation>
        </message>
        <message>
            <source>返却時の状態</source>
            <translation>Condition on return</translation>
        </message>
        <message>
            <source>退任日が任期の始まりより前になっています。日付を確認してください。</source>
            <translation>The date of leaving is before the start of the term. Please check the dates.</translation>
        </message>
        <message>
            <source>通帳CSVの{line}行目から取込</source>
            <translation>Imported from line {line} of the bank statement</translation>
        </message>
        <message>
            <source>通帳CSVの読み取り設定</source>
            <translation>bank statement column mapping</translation>
        </message>
        <message>
            <source>連絡会は町全体の会議体です。学区は選ばないでください。</source>
            <translation>The liaison council is a town-wide body. Do not choose a district.</translation>
        </message>
        <message>
            <source>進捗</source>
            <translation>Progress</translation>
        </message>
        <message>
            <source>進捗は0〜100（%）で入力してください。</source>
            <translation>Enter the progress from 0 to 100 (%).</translation>
        </message>
        <message>
            <source>選んだ職員の中に、名簿から削除された人がいます。一覧を更新して選び直してください。</source>
            <translation>Some of the chosen staff have been removed from the roster. Refresh the list and choose again.</translation>
        </message>
        <message>
            <source>郵便番号は7桁の数字で「270-1592」のように入力してください。</source>
            <translation>Enter the postal code as 7 digits, like "270-1592".</translation>
        </message>
        <message>
            <source>配布資料</source>
            <translation>Handouts</translation>
        </message>
        <message>
            <source>金額</source>
            <translation>amount</translation>
        </message>
        <message>
            <source>金額は円単位の整数で「12000」や「12,000円」のように入力してください。</source>
            <translation>Enter the amount as a whole number of yen, like "12000" or "¥12,000".</translation>
        </message>
        <message>
            <source>長い間操作がなかったため、サーバーとの処理が打ち切られました。もう一度操作してください。</source>
            <translation>The connection to the server was closed because there was no activity for a long time. Please try again.</translation>
        </message>
        <message>
            <source>開催日</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>開催日を入力してください。</source>
            <translation>Please enter the date of the meeting.</translation>
        </message>
        <message>
            <source>電話番号の形式が正しくありません。市外局番から「0476-95-1111」や「090-1234-5678」のように入力してください。</source>
            <translation>The phone number is not valid. Enter it with the area code, like "0476-95-1111" or "090-1234-5678".</translation>
        </message>
        <message>
            <source>（摘要なし）</source>
            <translation>(no description)</translation>
        </message>
    </context>
</TS>
