"""Hungarian (`hu`): its data is `data.yaml` and the other files of this folder (names inflect by suffixes:
`names.case_endings` in language.yaml)."""
