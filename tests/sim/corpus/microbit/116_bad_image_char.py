# scenario: {"seconds": 3}
# expect: {"error": "ValueError"}
from microbit import *

Image('9x009:00000')
