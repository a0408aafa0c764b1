"""Second annotator's TIMEX3 labels for the nl blank documents (label.py resolves offsets)."""
from label import T, build

nl = {
    "nl-002": [
        T("03 juli 2018", "DATE", "2018-07-03", anchor="none"),
        T("2014", "DATE", "2014", anchor="none"),
        T("de laatste dagen", "DURATION", "PXD"),
        T("16 juli", "DATE", "2018-07-16"),
    ],
    "nl-007": [
        T("neemt ⟦woensdag⟧ op", "DATE", "2013-05-08", note="DCT is Wednesday 8 May 2013"),
        T("Maandag", "DATE", "2013-05-13", note="future (present tense), next Monday"),
        T("wekelijkse", "SET", "P1W"),
        T("volgende week woensdag", "DATE", "2013-05-15"),
        T("Een dag later", "DATE", "2013-05-16", anchor="previous"),
        T("Oranje ⟦2013⟧", "DATE", "2013", anchor="none"),
        T("’s Avonds", "TIME", "2013-05-16TEV", anchor="previous"),
    ],
    "nl-012": [
        T("22 december 2018", "DATE", "2018-12-22", anchor="none"),
        T("gisteren", "DATE", "2018-12-21"),
        T("Dinsdag", "DATE", "2018-12-18"),
        T("enkele dagen", "DURATION", "PXD"),
        T("Gisteren", "DATE", "2018-12-21"),
        T("en ⟦nu⟧ hebben", "DATE", "PRESENT_REF"),
        T("mei 2019", "DATE", "2019-05", anchor="none"),
    ],
    "nl-015": [
        T("10 december 2018", "DATE", "2018-12-10", anchor="none"),
        T("het einde van het jaar", "DATE", "2018", mod="END"),
        T("zit ⟦nu⟧ bij", "DATE", "PRESENT_REF"),
        T("begroting ⟦2019⟧", "DATE", "2019", anchor="none"),
        T("zegt ⟦nu⟧ al", "DATE", "PRESENT_REF"),
        T("februari", "DATE", "2019-02"),
        T("in ⟦mei⟧ de", "DATE", "2019-05"),
    ],
}

if __name__ == "__main__":
    build("nl", nl)
