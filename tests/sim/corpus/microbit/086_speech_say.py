# scenario: {"seconds": 3}
# expect: {"stdout": ["True"], "events": [["speech", "say", "Hello world"]]}
import speech
from microbit import *

speech.say('Hello world')
print(running_time() > 300)
