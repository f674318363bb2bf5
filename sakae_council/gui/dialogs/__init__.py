"""Editor dialogs: one column of labelled fields, errors under their field, 保存 / キャンセル."""
