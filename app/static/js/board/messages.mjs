// Officina's board messages in both languages (Italian first), chosen by the page's language
// (document.documentElement.lang). The same codes and texts are used by the command line
// (app/boards/messages.py): keep the two in step.

export const MESSAGES = {
  "no-web-serial": {
    it: "Questo browser non può parlare con la scheda (manca Web Serial). Usa Chrome o Edge su computer o Chromebook, oppure scarica main.py.",
    en: "This browser cannot talk to the board (no Web Serial). Use Chrome or Edge on a computer or Chromebook, or download main.py.",
  },
  "no-port-chosen": {
    it: "Non hai scelto nessuna scheda. Collega la scheda con il cavo USB e premi di nuovo, poi sceglila dall'elenco.",
    en: "You did not choose a board. Plug the board in with the USB cable, press again and pick it from the list.",
  },
  "port-busy": {
    it: "La scheda è già usata da un'altra scheda del browser o da un altro programma (Thonny, mpremote...). Chiudilo e riprova.",
    en: "The board is already used by another browser tab or another program (Thonny, mpremote...). Close it and try again.",
  },
  "no-micropython": {
    it: "La scheda non risponde come MicroPython: resta in silenzio o mostra solo il messaggio del caricatore. Controlla il cavo (alcuni cavi danno solo corrente) e ricollegala; se non basta, chiedi all'insegnante di installare MicroPython.",
    en: "The board does not answer as MicroPython: it stays silent or only shows its bootloader message. Check the cable (some cables only carry power) and plug it back in; if that does not help, ask your teacher to install MicroPython.",
  },
  "board-busy": {
    it: "La scheda è occupata: sta eseguendo main.py e non si ferma. Premi il pulsante di reset della scheda e riprova subito.",
    en: "The board is busy: it is running main.py and does not stop. Press the board's reset button and try again straight away.",
  },
  "disconnected": {
    it: "La scheda si è scollegata durante la prova. Ricollegala: quando torna, premi «Riconnetti» (non serve sceglierla di nuovo).",
    en: "The board was disconnected during the run. Plug it back in: when it is back, press “Reconnect” (no need to choose it again).",
  },
  "reconnected": {
    it: "La scheda è di nuovo collegata.",
    en: "The board is connected again.",
  },
  "protocol": {
    it: "La scheda ha risposto in modo inatteso. Scollegala, ricollegala e riprova.",
    en: "The board answered in an unexpected way. Unplug it, plug it back in and try again.",
  },
  "connected": { it: "Scheda collegata.", en: "Board connected." },
  "running": { it: "Il programma gira sulla scheda...", en: "The program is running on the board..." },
  "stopped": { it: "Programma fermato.", en: "Program stopped." },
  "finished": { it: "Il programma è finito.", en: "The program has finished." },
  "saved": {
    it: "Salvato come main.py: la scheda lo eseguirà ogni volta che si accende.",
    en: "Saved as main.py: the board will run it every time it is switched on.",
  },
  "checking": { it: "Controllo in corso sul server...", en: "Checking on the server..." },
  "not-graded": {
    it: "Questo laboratorio sulla scheda gira senza voto.",
    en: "On the board this lab runs without a grade.",
  },
};

export function pageLang() {
  const lang = (globalThis.document?.documentElement?.lang || "it").slice(0, 2);
  return lang === "en" ? "en" : "it";
}

export function message(code, lang = pageLang()) {
  const entry = MESSAGES[code] || MESSAGES.protocol;
  return entry[lang] || entry.it;
}
