"""Spanish time forms of the `dates` section of lang/es/data.yaml: relative words, vague
durations, narrative days, weekday sets, parts of day joined to a day, clock words, number words,
duration modifiers, shifts and fixed-date feasts (one case per form)."""

from __future__ import annotations

import pytest

from communique.document import Document
from communique.options import Options
from communique.time import tag_time

DCT = "2024-05-12"  # a Sunday
MAY3 = ("3 de mayo", "DATE", "2024-05-03")  # the narrative anchor of "el día anterior", "esa noche"...


def _timexes(text: str, dct: str) -> list[tuple[str, str, str | None]]:
    doc = Document(id="t", raw_text=text, text=text, date=dct, lang="es")
    tag_time(doc, Options())
    return [(t.text, t.type, t.value) for t in doc.timexes]


@pytest.mark.parametrize(("text", "dct", "expected"), [
    ('Lo celebramos el Día de Reyes.', DCT, [('Día de Reyes', 'DATE', '2024-01-06')]),
    ('Hubo flores el día de San Valentín.', DCT, [('día de San Valentín', 'DATE', '2024-02-14')]),
    ('Regalos por San Valentín.', DCT, [('San Valentín', 'DATE', '2024-02-14')]),
    ('Marcharon en el Día Internacional de la Mujer.', DCT, [('Día Internacional de la Mujer', 'DATE', '2024-03-08')]),
    ('Marcharon en el Día de la Mujer.', DCT, [('Día de la Mujer', 'DATE', '2024-03-08')]),
    ('Desfilaron el Día del Trabajo.', DCT, [('Día del Trabajo', 'DATE', '2024-05-01')]),
    ('Desfilaron el Día del Trabajador.', DCT, [('Día del Trabajador', 'DATE', '2024-05-01')]),
    ('Fueron al cementerio el Día de Todos los Santos.', DCT, [('Día de Todos los Santos', 'DATE', '2023-11-01')]),
    ('Se festeja el Día de Muertos.', DCT, [('Día de Muertos', 'DATE', '2023-11-02')]),
    ('Se festeja el Día de los Muertos.', DCT, [('Día de los Muertos', 'DATE', '2023-11-02')]),
    ('Cerró a la medianoche.', DCT, [('la medianoche', 'DATE', '2024-05-12T24:00')]),
    ('Cerró a medianoche.', DCT, [('medianoche', 'DATE', '2024-05-12T24:00')]),
    ('Abrió a las 7:30 de la mañana.', DCT, [('7:30 de la mañana', 'TIME', '2024-05-12T07:30')]),
    ('Sonó a las 4:15 de la madrugada.', DCT, [('4:15 de la madrugada', 'TIME', '2024-05-12T04:15')]),
    ('Duró trece años.', DCT, [('trece años', 'DURATION', 'P13Y')]),
    ('Duró catorce años.', DCT, [('catorce años', 'DURATION', 'P14Y')]),
    ('Duró dieciséis años.', DCT, [('dieciséis años', 'DURATION', 'P16Y')]),
    ('Duró diecisiete años.', DCT, [('diecisiete años', 'DURATION', 'P17Y')]),
    ('Duró dieciocho años.', DCT, [('dieciocho años', 'DURATION', 'P18Y')]),
    ('Duró diecinueve años.', DCT, [('diecinueve años', 'DURATION', 'P19Y')]),
    ('Trabajó veinticuatro horas.', DCT, [('veinticuatro horas', 'DURATION', 'PT24H')]),
    ('Esperó cuarenta días.', DCT, [('cuarenta días', 'DURATION', 'P40D')]),
    ('Esperó cuarenta y ocho horas.', DCT, [('cuarenta y ocho horas', 'DURATION', 'PT48H')]),
    ('Vivió cincuenta años.', DCT, [('cincuenta años', 'DURATION', 'P50Y')]),
    ('Vivió sesenta años.', DCT, [('sesenta años', 'DURATION', 'P60Y')]),
    ('Vivió setenta años.', DCT, [('setenta años', 'DURATION', 'P70Y')]),
    ('Vivió ochenta años.', DCT, [('ochenta años', 'DURATION', 'P80Y')]),
    ('Vivió noventa años.', DCT, [('noventa años', 'DURATION', 'P90Y')]),
    ('Pasaron mil años.', DCT, [('mil años', 'DURATION', 'P1000Y')]),
    ('Habló durante media hora.', DCT, [('media hora', 'DURATION', 'PT30M')]),
    ('Pasó medio siglo.', DCT, [('medio siglo', 'DURATION', 'P50Y')]),
    ('Esperó un par de días.', DCT, [('un par de días', 'DURATION', 'P2D')]),
    ('Tardó algunos años.', DCT, [('algunos años', 'DURATION', 'PXY')]),
    ('Tardó algunas semanas.', DCT, [('algunas semanas', 'DURATION', 'PXW')]),
    ('Tardó unas dos horas.', DCT, [('unas dos horas', 'DURATION', 'PT2H')]),
    ('Tardó aproximadamente tres horas.', DCT, [('aproximadamente tres horas', 'DURATION', 'PT3H')]),
    ('Tardó al menos tres horas.', DCT, [('al menos tres horas', 'DURATION', 'PT3H')]),
    ('Tardó por lo menos dos días.', DCT, [('por lo menos dos días', 'DURATION', 'P2D')]),
    ('Volverá dentro de dos semanas.', DCT, [('dentro de dos semanas', 'DATE', '2024-W21')]),
    ('Ocurrió dos años atrás.', DCT, [('dos años atrás', 'DATE', '2022')]),
    ('Se reúnen a diario.', DCT, [('a diario', 'SET', 'P1D')]),
    ('Se publica semanalmente.', DCT, [('semanalmente', 'SET', 'P1W')]),
    ('Se paga mensualmente.', DCT, [('mensualmente', 'SET', 'P1M')]),
    ('Se reúnen todas las semanas.', DCT, [('todas las semanas', 'SET', 'P1W')]),
    ('Se paga todos los meses.', DCT, [('todos los meses', 'SET', 'P1M')]),
    ('Abre cada lunes.', DCT, [('cada lunes', 'SET', 'XXXX-WXX-1')]),
    ('Abre cada martes.', DCT, [('cada martes', 'SET', 'XXXX-WXX-2')]),
    ('Abre cada miércoles.', DCT, [('cada miércoles', 'SET', 'XXXX-WXX-3')]),
    ('Abre cada jueves.', DCT, [('cada jueves', 'SET', 'XXXX-WXX-4')]),
    ('Abre cada viernes.', DCT, [('cada viernes', 'SET', 'XXXX-WXX-5')]),
    ('Abre cada sábado.', DCT, [('cada sábado', 'SET', 'XXXX-WXX-6')]),
    ('Abre cada domingo.', DCT, [('cada domingo', 'SET', 'XXXX-WXX-7')]),
    ('Abre todos los lunes.', DCT, [('todos los lunes', 'SET', 'XXXX-WXX-1')]),
    ('Abre todos los martes.', DCT, [('todos los martes', 'SET', 'XXXX-WXX-2')]),
    ('Abre todos los miércoles.', DCT, [('todos los miércoles', 'SET', 'XXXX-WXX-3')]),
    ('Abre todos los jueves.', DCT, [('todos los jueves', 'SET', 'XXXX-WXX-4')]),
    ('Abre todos los viernes.', DCT, [('todos los viernes', 'SET', 'XXXX-WXX-5')]),
    ('Abre todos los sábados.', DCT, [('todos los sábados', 'SET', 'XXXX-WXX-6')]),
    ('Abre todos los domingos.', DCT, [('todos los domingos', 'SET', 'XXXX-WXX-7')]),
    ('Llovió la mañana del viernes.', DCT, [('la mañana del viernes', 'DATE', '2024-05-10TMO')]),
    ('Llovió la tarde del viernes.', DCT, [('la tarde del viernes', 'DATE', '2024-05-10TAF')]),
    ('Llovió la noche del sábado.', DCT, [('la noche del sábado', 'DATE', '2024-05-11TNI')]),
    ('Llovió la madrugada del sábado.', DCT, [('la madrugada del sábado', 'DATE', '2024-05-11TNI')]),
    ('Votó la tarde de ayer.', DCT, [('la tarde de ayer', 'DATE', '2024-05-11TAF')]),
    ('Abre a partir de las 9 horas.', DCT, [('9 horas', 'TIME', '2024-05-12T09:00')]),
    ('Cierra antes de las 22 horas.', DCT, [('22 horas', 'TIME', '2024-05-12T22:00')]),
    ('Llegó después de las 8 horas.', DCT, [('8 horas', 'TIME', '2024-05-12T08:00')]),
    ('Se verá a fines de julio.', DCT, [('fines de julio', 'DATE', '2024-07')]),
    ('Se verá a comienzos de julio.', DCT, [('comienzos de julio', 'DATE', '2024-07')]),
    ('Se verá a inicios de julio.', DCT, [('inicios de julio', 'DATE', '2024-07')]),
    ('Se verá antes de julio.', DCT, [('julio', 'DATE', '2024-07')]),
    ('Se verá después de julio.', DCT, [('julio', 'DATE', '2024-07')]),
    ('Vendrá el próximo jueves.', DCT, [('próximo jueves', 'DATE', '2024-05-16')]),
    ('Vino el pasado martes.', DCT, [('pasado martes', 'DATE', '2024-05-07')]),
    ('Fue el pasado verano.', DCT, [('pasado verano', 'DATE', '2023-SU')]),
    ('Fue la pasada primavera.', '2024-09-15', [('pasada primavera', 'DATE', '2024-SP')]),
    ('Llegó el domingo pasado.', DCT, [('domingo pasado', 'DATE', '2024-05-05')]),
    ('Vendrá el jueves próximo.', DCT, [('jueves próximo', 'DATE', '2024-05-16')]),
    ('Vendrá el jueves que viene.', DCT, [('jueves que viene', 'DATE', '2024-05-16')]),
    ('Hoy en día todo cambia.', DCT, [('Hoy en día', 'DATE', 'PRESENT_REF')]),
    ('Hoy día todo cambia.', DCT, [('Hoy día', 'DATE', 'PRESENT_REF')]),
    ('En la actualidad todo cambia.', DCT, [('En la actualidad', 'DATE', 'PRESENT_REF')]),
    ('Llovió esta madrugada.', DCT, [('esta madrugada', 'DATE', '2024-05-12TNI')]),
    ('Vendrá la semana que viene.', DCT, [('la semana que viene', 'DATE', '2024-W20')]),
    ('Vendrá el mes que viene.', DCT, [('el mes que viene', 'DATE', '2024-06')]),
    ('Vendrá el año que viene.', DCT, [('el año que viene', 'DATE', '2025')]),
    ('Vendrá la semana próxima.', DCT, [('la semana próxima', 'DATE', '2024-W20')]),
    ('Vendrá el mes próximo.', DCT, [('el mes próximo', 'DATE', '2024-06')]),
    ('Vendrá el año próximo.', DCT, [('el año próximo', 'DATE', '2025')]),
    ('Vendrá el próximo fin de semana.', DCT, [('el próximo fin de semana', 'DATE', '2024-W20-WE')]),
    ('Creció el pasado año.', DCT, [('el pasado año', 'DATE', '2023')]),
    ('Creció la pasada semana.', DCT, [('la pasada semana', 'DATE', '2024-W18')]),
    ('Subió en los últimos años.', DCT, [('los últimos años', 'DURATION', 'PXY')]),
    ('Subió en los últimos meses.', DCT, [('los últimos meses', 'DURATION', 'PXM')]),
    ('Subió en las últimas semanas.', DCT, [('las últimas semanas', 'DURATION', 'PXW')]),
    ('Subió en los últimos días.', DCT, [('los últimos días', 'DURATION', 'PXD')]),
    ('Subirá en los próximos años.', DCT, [('los próximos años', 'DURATION', 'PXY')]),
    ('Subirá en los próximos meses.', DCT, [('los próximos meses', 'DURATION', 'PXM')]),
    ('Subirá en las próximas semanas.', DCT, [('las próximas semanas', 'DURATION', 'PXW')]),
    ('Subirá en los próximos días.', DCT, [('los próximos días', 'DURATION', 'PXD')]),
    ('Votó el 3 de mayo; el día anterior habló.', DCT, [MAY3, ('el día anterior', 'DATE', '2024-05-02')]),
    ('Votó el 3 de mayo; el día siguiente habló.', DCT, [MAY3, ('el día siguiente', 'DATE', '2024-05-04')]),
    ('Votó el 3 de mayo y ese mismo día habló.', DCT, [MAY3, ('ese mismo día', 'DATE', '2024-05-03')]),
    ('Votó el 3 de mayo y aquel día habló.', DCT, [MAY3, ('aquel día', 'DATE', '2024-05-03')]),
    ('Votó el 3 de mayo y esa mañana habló.', DCT, [MAY3, ('esa mañana', 'DATE', '2024-05-03TMO')]),
    ('Votó el 3 de mayo y esa tarde habló.', DCT, [MAY3, ('esa tarde', 'DATE', '2024-05-03TAF')]),
    ('Votó el 3 de mayo y esa noche habló.', DCT, [MAY3, ('esa noche', 'DATE', '2024-05-03TNI')]),
])
def test_spanish_forms(text: str, dct: str, expected: list[tuple[str, str, str]]) -> None:
    assert _timexes(text, dct) == expected


@pytest.mark.parametrize("text", [
    "Pagó 2000 pesos.", "Costó 1999 libras.", "Recorrió 2010 kilómetros.", "Subió 1850 metros.",
    "Quedan 2005 km.", "Hubo 1998 casos.", "Obtuvo 2014 votos.", "Dejó 1900 muertos.", "Dejó 2003 heridos.",
    "Gastó 2022 millones.",
])
def test_amounts_are_no_years(text: str) -> None:
    assert _timexes(text, DCT) == []
