# The "host" module: the one bridge from the guest to the simulator's Python host.
HOST_MOD_DIR := $(USERMOD_DIR)
SRC_USERMOD_C += $(HOST_MOD_DIR)/modhost.c
