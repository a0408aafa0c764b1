"""Greek (`el`): its data is `data.yaml` and the other files of this folder; `names.py` reads Greek names in Latin
letters."""
