# scenario: {"seconds": 3, "devices": [{"type": "button", "pin": "button_a", "presses": [[300, 50]]}, {"type": "button", "pin": "button_b", "presses": [[1800, 50]]}]}
# expect: {"stdout": ["15"]}
from microbit import *

while not button_a.was_pressed():
    sleep(10)
start = running_time()
while not button_b.was_pressed():
    sleep(10)
print((running_time() - start) // 100)
