"""Czech (`cs`): its data is `data.yaml` and the other files of this folder (country names generated,
vocabulary written from general knowledge of the language)."""
