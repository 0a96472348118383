# scenario: {"seconds": 2}
# expect: {"stdout": [], "outcome": "time", "events": [["display", "image", "00900:09990:90909:00900:00900"], ["display", "image", "00999:00099:00909:09000:90000"], ["display", "image", "99900:99000:90900:00090:00009"], ["display", "image", "00900:09990:90909:00900:00900"]]}
from microbit import *

display.show(Image.ALL_ARROWS, delay=200, loop=True)
print('never')
