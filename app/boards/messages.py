"""The board messages of the command line, in Italian and English.

The same codes and texts as the lab page's ``static/js/board/messages.mjs`` (a test keeps the two
in step), so a teacher at the command line and a student in the browser read the same words.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "no-port-chosen": {
        "it": "Non hai scelto nessuna scheda. Collega la scheda con il cavo USB e premi di nuovo, poi sceglila dall'elenco.",
        "en": "You did not choose a board. Plug the board in with the USB cable, press again and pick it from the list.",
    },
    "port-busy": {
        "it": "La scheda è già usata da un'altra scheda del browser o da un altro programma (Thonny, mpremote...). Chiudilo e riprova.",
        "en": "The board is already used by another browser tab or another program (Thonny, mpremote...). Close it and try again.",
    },
    "no-micropython": {
        "it": "La scheda non risponde come MicroPython: resta in silenzio o mostra solo il messaggio del caricatore. Controlla il cavo (alcuni cavi danno solo corrente) e ricollegala; se non basta, chiedi all'insegnante di installare MicroPython.",
        "en": "The board does not answer as MicroPython: it stays silent or only shows its bootloader message. Check the cable (some cables only carry power) and plug it back in; if that does not help, ask your teacher to install MicroPython.",
    },
    "board-busy": {
        "it": "La scheda è occupata: sta eseguendo main.py e non si ferma. Premi il pulsante di reset della scheda e riprova subito.",
        "en": "The board is busy: it is running main.py and does not stop. Press the board's reset button and try again straight away.",
    },
    "disconnected": {
        "it": "La scheda si è scollegata durante la prova. Ricollegala: quando torna, premi «Riconnetti» (non serve sceglierla di nuovo).",
        "en": "The board was disconnected during the run. Plug it back in: when it is back, press “Reconnect” (no need to choose it again).",
    },
    "protocol": {
        "it": "La scheda ha risposto in modo inatteso. Scollegala, ricollegala e riprova.",
        "en": "The board answered in an unexpected way. Unplug it, plug it back in and try again.",
    },
    "not-graded": {
        "it": "Questo laboratorio sulla scheda gira senza voto.",
        "en": "On the board this lab runs without a grade.",
    },
}


def message(code: str, lang: str = "it") -> str:
    """The text of a message code in ``lang`` (Italian by default and for unknown languages)."""
    entry = MESSAGES.get(code, MESSAGES["protocol"])
    return entry.get(lang, entry["it"])
