# scenario: {"seconds": 3}
# expect: {"error": "ValueError"}
from microbit import *

Image('99:99') + Image.HEART
