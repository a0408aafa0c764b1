"""Serbian (`sr`): its data is `data.yaml` and the other files of this folder (Cyrillic and Latin script)."""
