# scenario: {"seconds": 1, "microbit": {"light": 200}}
# expect: {"stdout": ["200"]}
from microbit import *

print(display.read_light_level())
