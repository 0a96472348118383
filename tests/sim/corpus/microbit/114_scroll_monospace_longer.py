# scenario: {"seconds": 3}
# expect: {"stdout": ["True"]}
from microbit import *

display.scroll('ii', delay=10)
a = running_time()
display.scroll('ii', delay=10, monospace=True)
print(running_time() - a > a)
