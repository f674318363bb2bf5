"""名簿 PDF: every current member in 五十音順, exact text, embedded fonts, n / N, the no-contacts variant."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from sakae_council.cli import main
from sakae_council.db.engine import Database
from sakae_council.domain.enums import MemberRole, OfficerPost
from sakae_council.reports.fonts import markup, unprintable_characters
from sakae_council.reports.roster import collect_roster, render_roster
from sakae_council.services import districts, people
from sakae_council.services.people import MembershipInput, PersonInput

TODAY = date(2026, 11, 28)
KANA = "アイウエオカキクケコサシスセソタチツテトナニヌネノ"


def _district(db: Database, name: str, order: int) -> int:
    return districts.create_district(
        db, districts.DistrictInput(name=name, council_name=f"{name}まちづくり協議会", display_order=order)
    ).id


def _member(db: Database, district_id: int, name: str, kana: str, **kw: object) -> None:
    term = kw.pop("term", (date(2025, 4, 1), date(2027, 3, 31)))
    post = kw.pop("post", OfficerPost.MEMBER)
    people.create_person(
        db,
        PersonInput(
            name=name,
            furigana=kana,
            memberships=(
                MembershipInput(
                    district_id, MemberRole.SUISHIN, officer_post=post, term_start=term[0], term_end=term[1]
                ),
            ),  # type: ignore[arg-type]
            **kw,  # type: ignore[arg-type]
        ),
    )


def _text(path: Path) -> tuple[str, PdfReader]:
    reader = PdfReader(str(path))
    return "\n".join(page.extract_text() for page in reader.pages), reader


def _fonts(reader: PdfReader) -> dict[str, bool]:
    """Font name -> embedded?, over every page."""
    found: dict[str, bool] = {}
    for page in reader.pages:
        resources = page["/Resources"]
        for font in resources.get("/Font", {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else None
            embedded = descriptor is not None and any(
                k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")
            )
            found[str(font["/BaseFont"])] = embedded
    return found


def test_twenty_member_district_in_gojuon_order(db: Database, tmp_path: Path) -> None:
    a = _district(db, "安食小学校区", 1)
    other = _district(db, "布鎌小学校区", 2)
    # registered in reverse order, so the order on paper comes from the フリガナ
    for i in reversed(range(20)):
        _member(db, a, f"委員{i:02d} 花子", f"{KANA[i]}ノ ハナコ", phone=f"0476-95-{1000 + i}")
    _member(db, a, "𠮷田 <次郎>", "ヨシダ ジロウ", post=OfficerPost.CHAIR)
    _member(db, a, "髙橋 & 邉", "タカハシ ヘン")
    _member(db, a, "退任 済子", "タイニン スミコ", term=(date(2021, 4, 1), date(2023, 3, 31)))
    _member(db, other, "布鎌 太郎", "フカマ タロウ")

    doc = collect_roster(db, district_id=a, today=TODAY)
    assert doc.member_count == 22
    out = render_roster(doc, tmp_path / "roster.pdf")
    text, reader = _text(out)

    names = [f"委員{i:02d} 花子" for i in range(20)]
    for name in [*names, "𠮷田 <次郎>", "髙橋 & 邉"]:
        assert name in text, name
    positions = [text.index(n) for n in names]
    assert positions == sorted(positions)  # 五十音順 by フリガナ
    assert text.index("委員19 花子") < text.index("𠮷田 <次郎>")  # ヨ after ト
    assert "退任 済子" not in text and "布鎌 太郎" not in text
    assert "0476-95-1000" in text
    assert "令和8年11月28日現在" in text
    total = len(reader.pages)
    assert total <= 2  # a 22-member district takes a page or two, never a trailing empty page
    for n, page in enumerate(reader.pages, start=1):
        assert f"{n} / {total}" in page.extract_text()
    assert "委員" in reader.pages[-1].extract_text() or "𠮷田" in reader.pages[-1].extract_text()
    fonts = _fonts(reader)
    assert fonts and all(fonts.values()), fonts
    assert any("BIZUDGothic" in f for f in fonts)


def test_no_contacts_variant_and_all_districts(db: Database, tmp_path: Path) -> None:
    a = _district(db, "安食小学校区", 1)
    b = _district(db, "布鎌小学校区", 2)
    _member(
        db,
        b,
        "布鎌 太郎",
        "フカマ タロウ",
        phone="0476-95-1234",
        email="taro@example.jp",
        address="栄町布鎌1-1",
    )
    _member(db, a, "安食 花子", "アジキ ハナコ", phone="0476-95-9999")
    handout = collect_roster(db, contacts=False, today=TODAY)
    # the handout does not even hold the contacts (memory at stress, and nothing to leak)
    assert {(x.phone, x.email, x.address) for s in handout.sections for x in s.lines} == {("", "", "")}
    out = render_roster(handout, tmp_path / "all.pdf")
    text, reader = _text(out)
    assert text.index("安食小学校区") < text.index("布鎌小学校区")  # districts in display order
    assert "安食 花子" in text and "布鎌 太郎" in text
    assert "任期\n連絡先" not in text  # no contact column
    for secret in ("0476-95-1234", "0476-95-9999", "taro@example.jp", "栄町布鎌1-1"):
        assert secret not in text
    assert "配布用" in text
    assert all(_fonts(reader).values())


def test_markup_escapes_user_text() -> None:
    assert markup("<b>A&B</b>") == "&lt;b&gt;A&amp;B&lt;/b&gt;"
    assert markup("𠮷田").startswith('<font name="IPAmjMincho">𠮷</font>')
    assert unprintable_characters(["普通の名前", "\U0010fffd"]) == ["\U0010fffd"]


def test_print_roster_command(db: Database, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    a = _district(db, "安食小学校区", 1)
    _member(db, a, "安食 花子", "アジキ ハナコ", phone="0476-95-9999")
    assert db.path is not None
    db.close()
    out = tmp_path / "cli.pdf"
    argv = [
        "--db",
        str(db.path),
        "print",
        "roster",
        "--district",
        "安食",
        "--no-contacts",
        "--date",
        "R8.11.28",
        "-o",
        str(out),
    ]
    assert main(argv) == 0
    text, _ = _text(out)
    assert "安食 花子" in text and "0476-95-9999" not in text
    assert str(out) in capsys.readouterr().out
    assert main(["--db", str(db.path), "print", "roster", "--district", "存在しない", "-o", str(out)]) == 1
    assert "見つかりません" in capsys.readouterr().err


def test_long_roster_runs_over_pages_numbered_n_of_n(db: Database, tmp_path: Path) -> None:
    a = _district(db, "安食小学校区", 1)
    for i in range(70):
        _member(
            db, a, f"委員{i:02d}", f"{KANA[i % len(KANA)]}{KANA[i // len(KANA)]}", phone=f"0476-95-{1000 + i}"
        )
    out = render_roster(collect_roster(db, district_id=a, today=TODAY), tmp_path / "long.pdf")
    reader = PdfReader(str(out))
    total = len(reader.pages)
    assert total >= 2
    for n, page in enumerate(reader.pages, start=1):
        assert f"{n} / {total}" in page.extract_text()
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert all(f"委員{i:02d}" in text for i in range(70))


def test_packed_lines_give_back_every_field_as_it_was() -> None:
    """A district's lines are kept as one string (memory at stress); each line reads back unchanged —
    rare characters, markup, empty fields, a line break typed in an address."""
    from sakae_council.reports.roster import PackedLines, RosterLine

    lines = [
        RosterLine(
            "𠮷田 <次郎>",
            "ヨシダ ジロウ",
            "会長",
            "会長",
            "令和7年4月1日〜",
            "0476-95-1000",
            "a&b@example.jp",
            "270-1516",
            "栄町安食台3丁目\n12番地の4",
            "A&B会",
        ),  # fmt: skip
        RosterLine("髙橋 邉", "", "", "", "", "", "", "", "", "", is_member=False),
        RosterLine("ＡＢＣ　ｱｲｳ", "エービーシー", "ふれあい推進員", "委員", "", "", "", "", "\t", ""),
    ]
    packed = PackedLines(lines)
    assert len(packed) == 3
    assert list(packed) == lines and packed[-1] == lines[-1] and packed[1:] == tuple(lines[1:])
    assert packed.member_count == 2
    with pytest.raises(IndexError):
        packed[3]
    texts = list(packed.texts())
    joined = "\n".join(texts)
    assert "𠮷田 <次郎>" in joined and "A&B会" in joined and "ふれあい推進員" in joined
    assert "\ud800" not in joined and joined.count("𠮷田") == 1  # each line's own text once
    assert len(PackedLines([])) == 0 and list(PackedLines([]).texts()) == []
