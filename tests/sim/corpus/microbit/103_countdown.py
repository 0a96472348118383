# scenario: {"seconds": 3}
# expect: {"events": [["display", "text", "3"], ["display", "text", "2"], ["display", "text", "1"], ["display", "image", "00000:00009:00090:90900:09000"]], "times": [["display", "image", "00000:00009:00090:90900:09000", 900]]}
from microbit import *

for n in range(3, 0, -1):
    display.show(n)
    sleep(300)
display.show(Image.YES)
