import { type FieldErrors, type FieldPath, type FieldValues, get, type UseFormRegister } from "react-hook-form";

/**
 * Binds a form's fields to the kit's inputs: `{...field("amount")}` gives an input its
 * registration and the message it shows (the rule's, or the server's once set).
 */
export function fieldBinder<T extends FieldValues>(register: UseFormRegister<T>, errors: FieldErrors<T>) {
  return (name: FieldPath<T>) => ({
    ...register(name),
    error: (get(errors, name) as { message?: string } | undefined)?.message,
  });
}

/** A whole number typed on the numeric keypad and never autofilled (amounts, quantities, numbers). */
export const numericInput = { inputMode: "numeric", autoComplete: "off" } as const;

/** A price, which may have decimals. */
export const decimalInput = { inputMode: "decimal", autoComplete: "off" } as const;
