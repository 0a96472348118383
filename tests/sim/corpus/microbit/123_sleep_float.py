# scenario: {"seconds": 3}
# expect: {"stdout": ["True"]}
from microbit import *

sleep(250.5)
print(running_time() >= 250)
