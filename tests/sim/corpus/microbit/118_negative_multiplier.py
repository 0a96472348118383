# scenario: {"seconds": 3}
# expect: {"error": "ValueError"}
from microbit import *

Image.HEART * -1
