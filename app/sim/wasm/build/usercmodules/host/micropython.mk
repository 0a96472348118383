# The "host" module: the one bridge from the guest to the simulator's Python host, and the
# robot that runs inside the interpreter.
HOST_MOD_DIR := $(USERMOD_DIR)
SRC_USERMOD_C += $(HOST_MOD_DIR)/modhost.c $(HOST_MOD_DIR)/modrobot.c \
    $(HOST_MOD_DIR)/modrobot_physics.c $(HOST_MOD_DIR)/modrobot_sonar.c
