# machine.reset() ends the run as a reset would.
# seconds: 1
# stdout: riavvio
# outcome: exit
import machine

print("riavvio")
machine.reset()
