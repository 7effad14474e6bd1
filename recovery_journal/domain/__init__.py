"""Pure domain: values, scales, validation and arithmetic. Imports only the standard library."""
