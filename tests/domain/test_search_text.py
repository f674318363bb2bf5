"""Each record's search text: every field folded (kana, width, case, spaces) on a line of its own."""

from __future__ import annotations

from sakae_council.domain.search_text import (
    issue_search_text,
    manual_section_search_text,
    meeting_search_text,
    person_search_text,
    project_search_text,
)


def test_fields_are_folded_one_per_line_so_a_match_never_spans_two() -> None:
    text = person_search_text("田中 花子", "タナカ ハナコ", "ＡＢＣ自治会", "")
    assert text.split("\n") == ["田中花子", "たなかはなこ", "abc自治会", ""]
    assert "花子たな" not in text  # a query across the name and the furigana finds nothing


def test_every_kind_of_record_folds_the_same_way() -> None:
    assert issue_search_text("通学路", "見守り　活動", "防犯") == "通学路\n見守り活動\n防犯"
    assert project_search_text("カフェ", "Ｏｐｅｎ") == "かふぇ\nopen"
    assert manual_section_search_text("第一章", "一行目\n二行 目") == "第一章\n一行目\n二行目"
    assert meeting_search_text(2026, 3, "安食小学校区まちづくり協議会", "ふれあいセンター") == (
        "令和8年度第3回安食小学校区まちづくり協議会\nふれあいせんたー"
    )
