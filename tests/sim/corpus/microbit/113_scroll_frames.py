# scenario: {"seconds": 3}
# expect: {"events": [["display", "scroll", "H"], ["display", "image", "00009:00009:00009:00009:00009"], ["display", "image", "00090:00090:00099:00090:00090"], ["display", "image", "90090:90090:99990:90090:90090"], ["display", "image", "00000:00000:00000:00000:00000"]], "times": [["display", "image", "00000:00000:00000:00000:00000", 800]]}
from microbit import *

display.scroll('H', delay=100)
