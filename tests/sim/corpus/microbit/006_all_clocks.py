# scenario: {"seconds": 3}
# expect: {"stdout": ["12", "True"], "events": [["display", "image", "00900:00900:00900:00000:00000"], ["display", "image", "00090:00090:00900:00000:00000"], ["display", "image", "00000:00099:00900:00000:00000"], ["display", "image", "00000:00000:00999:00000:00000"], ["display", "image", "09000:09000:00900:00000:00000"]]}
from microbit import *

print(len(Image.ALL_CLOCKS))
display.show(Image.ALL_CLOCKS, delay=100)
print(running_time() >= 1200)
