"""Japanese (`ja`): so far only what `language.yaml` says of its script and dates."""
