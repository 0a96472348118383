# scenario: {"seconds": 3}
# expect: {"stdout": ["True"], "events": [["display", "scroll", "hello"]]}
from microbit import *

display.scroll('hello', wait=False)
print(running_time() < 50)
