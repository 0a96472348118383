# scenario: {"seconds": 3}
# expect: {"events": [["display", "text", "A"], ["display", "image", "09900:90090:99990:90090:90090"]]}
from microbit import *

display.show('A')
