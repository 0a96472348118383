# scenario: {"seconds": 3, "board_temperature": [[0, 20], [2000, 30]]}
# expect: {"stdout": ["20", "30"]}
from microbit import *

print(temperature())
sleep(2000)
print(temperature())
