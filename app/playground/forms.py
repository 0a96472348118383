"""The playground form: a board, the program, the devices to wire, how long the run lasts and
the lines typed at the console."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, SelectMultipleField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from app.catalog.forms import program_field
from app.playground.services import MAX_STDIN_LINES, SECONDS_CHOICES
from app.playground.wiring import BOARD_KEYS, DEVICE_OPTIONS, MICROBIT_WORLD_OPTIONS, OPTIONS_BY_KEY, choice_keys

MAX_SOURCE_BYTES = 64 * 1024
BOARD_TITLES = {"pico": "Raspberry Pi Pico", "pico_w": "Raspberry Pi Pico W", "esp32": "ESP32 DevKit",
                "microbit": "BBC micro:bit V2"}


def _device_label(key: str) -> object:
    if key in OPTIONS_BY_KEY:
        return OPTIONS_BY_KEY[key].label
    return MICROBIT_WORLD_OPTIONS[key][0] if key in MICROBIT_WORLD_OPTIONS else key


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class PlaygroundForm(FlaskForm):
    board = SelectField(_l("Board"), choices=[SelectChoice(key, BOARD_TITLES[key]) for key in BOARD_KEYS])
    code = program_field(MAX_SOURCE_BYTES)
    devices = MultiCheckboxField(
        _l("Devices to wire"),
        choices=[SelectChoice(option.key, option.label) for option in DEVICE_OPTIONS]
        + [SelectChoice(key, label) for key, (label, _behaviour) in MICROBIT_WORLD_OPTIONS.items()],
    )
    seconds = SelectField(_l("How long the run lasts"), coerce=int, default=10,
                          choices=[SelectChoice(n, _l("%(n)d seconds", n=n)) for n in SECONDS_CHOICES])
    stdin = TextAreaField(
        _l("What you type at the console (one line for each input())"),
        validators=[Length(max=4000, message=_l("Too much text: at most 4000 characters."))],
        render_kw={"rows": 3, "spellcheck": "false", "autocomplete": "off"},
    )

    def validate_devices(self, field: MultiCheckboxField) -> None:
        valid = set(choice_keys(self.board.data or ""))
        missing = [key for key in field.data or () if key not in valid]
        if missing:
            raise ValidationError(_l("Some devices cannot be wired to this board: %(names)s.",
                                     names=", ".join(str(_device_label(key)) for key in missing)))

    def validate_stdin(self, field: TextAreaField) -> None:
        if len((field.data or "").splitlines()) > MAX_STDIN_LINES:
            raise ValidationError(_l("At most %(n)d lines.", n=MAX_STDIN_LINES))
