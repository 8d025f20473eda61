// Confirmation boxes that answer true/false instead of rejecting on cancel.
//
// ElMessageBox rejects with the string 'cancel' when the user says no; awaited bare in a click
// handler that lands in the console as an error. And called as a function it does not see the
// app's zh-CN locale (it is mounted outside <el-config-provider>), so its buttons say "OK" and
// "Cancel" unless told otherwise.
import { ElMessageBox, type ElMessageBoxOptions } from 'element-plus'

const BUTTONS = { confirmButtonText: '确定', cancelButtonText: '取消' }

/** true when the user confirmed; false when they cancelled or closed the box. */
export async function confirmed(message: string, title: string, options: ElMessageBoxOptions = {}): Promise<boolean> {
  try {
    await ElMessageBox.confirm(message, title, { ...BUTTONS, ...options })
    return true
  } catch {
    return false
  }
}

/** The text the user entered, or null when they cancelled or closed the box. */
export async function prompted(message: string, title: string, options: ElMessageBoxOptions = {}): Promise<string | null> {
  try {
    const { value } = await ElMessageBox.prompt(message, title, { ...BUTTONS, ...options })
    return value
  } catch {
    return null
  }
}
