"""Hand labels of the reports added by training/merge/add_story_pairs.py (same-story SemEval article pairs):
S<n> (n-th new report, in store order) -> (real-world event key, what it is). A report not listed is an event
of its own (checked by reading its sentence and article). Labelled following shared/spec/annotation-guidelines.md.
"""

K = {
 "S0": ("us-embassy-baghdad-storming",
        "demonstrators try to storm the US embassy in Baghdad, raising US-Iran tension (dpa)"),
 "S21": ("us-embassy-baghdad-storming",
         "demonstrators try to storm the US embassy in Baghdad, raising US-Iran tension (dpa)"),
 "S3": ("orban-epp-meetings", "Orban's announced meetings with Tusk (EPP), the CDU head and Kurz"),
 "S4": ("erdogan-putin-pompeo-list", "a list of leaders (Erdogan, Putin, Pompeo), no meeting between them"),
 "S6": ("tr-parliament-libya-deployment-vote",
        "Turkish parliament to debate and vote on Thursday on the bill to deploy troops to Libya at the GNA's request"),
 "S15": ("tr-parliament-libya-deployment-vote",
         "Turkish parliament to debate and vote on Thursday on the bill to deploy troops to Libya at the GNA's request"),
 "S8": ("saudi-prisoners-arrive-riyadh",
        "six Saudi war prisoners arrive at King Salman Airbase in Riyadh (the coalition's statement)"),
 "S9": ("saudi-prisoners-arrive-riyadh",
        "six Saudi war prisoners arrive at King Salman Airbase in Riyadh (the coalition's statement)"),
 "S10": ("ghosn-flight-press", "Ghosn flees Japan on Dec. 29 and appears before reporters in Lebanon in January"),
 "S12": ("maas-jerusalem", "Heiko Maas in Jerusalem (a Wednesday) urges resuming direct Israeli-Palestinian talks"),
 "S19": ("ghosn-aoun-meeting", "Carlos Ghosn meets Lebanon's president Michel Aoun after fleeing Japan"),
}
