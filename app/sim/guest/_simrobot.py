# MicroPython source (runs INSIDE the sandbox). Intentionally empty: the virtual robot lives on the
# host (app/sim/robot/protocol.py behind app/sim/hal). Motor PWM duties, Maqueen I2C writes and
# line-sensor/bumper/sonar reads are ordinary board commands of _simpins/_simbus/_simmicrobit.
