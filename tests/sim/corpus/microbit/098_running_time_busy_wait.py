# scenario: {"seconds": 3}
# expect: {"stdout": ["done", "True"]}
from microbit import *

start = running_time()
while running_time() - start < 200:
    pass
print('done')
print(running_time() >= 200)
