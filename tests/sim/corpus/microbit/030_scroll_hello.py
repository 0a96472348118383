# scenario: {"seconds": 3}
# expect: {"stdout": ["True"], "events": [["display", "scroll", "Hi"]]}
from microbit import *

display.scroll('Hi')
print(running_time() > 1000)
