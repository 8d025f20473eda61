import { ref, type Ref } from 'vue'

/** Which failures carry a message meant for the user: the session calls throw a plain `Error` with
 * the server's Chinese text, the user-management calls an `ApiError`; anything else gets `fallback`. */
type ErrorClass = abstract new (...args: never[]) => Error

export interface Submit {
  /** true while the action runs: the submit button's loading state */
  busy: Ref<boolean>
  /** the last failure's message, shown next to the form ('' when none) */
  error: Ref<string>
  /** Runs `action` once; true when it succeeded. A failure is not thrown: its message lands in
   * `error`, so the form stays open with what was typed. */
  run: (action: () => Promise<void>) => Promise<boolean>
}

/** The busy / try / catch / finally block every account form repeated (login, change password,
 * reset password, user create/edit): one place decides how a failed submit is reported. */
export function useSubmit(fallback: string, messageFrom: ErrorClass = Error): Submit {
  const busy = ref(false)
  const error = ref('')

  async function run(action: () => Promise<void>): Promise<boolean> {
    busy.value = true
    try {
      await action()
      return true
    } catch (e) {
      error.value = e instanceof messageFrom ? e.message : fallback
      return false
    } finally {
      busy.value = false
    }
  }

  return { busy, error, run }
}
