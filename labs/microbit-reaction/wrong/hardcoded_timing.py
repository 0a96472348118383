# Wrong: hard-codes the public scenario: it never reads A, it waits until the times the
# visible presses happen (3.4 s, 11.4 s, 19.4 s) and shows that difference.
from microbit import *
import random
for press_ms in (3400, 11400, 19400):
    display.show(Image.ASLEEP)
    sleep(random.randint(1000, 3000))
    display.show(Image.HEART)
    start = running_time()
    sleep(press_ms - start)
    display.scroll(str(running_time() - start))
