# scenario: {"seconds": 3}
# expect: {"stdout": ["True"], "events": [["display", "text", "1"], ["display", "text", "2"], ["display", "text", "3"]]}
from microbit import *

display.show('123', delay=200)
print(running_time() >= 600)
