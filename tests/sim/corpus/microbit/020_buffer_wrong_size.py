# scenario: {"seconds": 3}
# expect: {"error": "ValueError"}
from microbit import *

Image(2, 2, bytearray([1, 2, 3]))
