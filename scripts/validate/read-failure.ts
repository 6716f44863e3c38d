// Why a config file could not be read, in words that say what to do. Node's own
// text (`EACCES: permission denied, open '/tmp/…'`) names the system call, not the fix.

export function readFailureReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "file not found; check the path";
  if (code === "EISDIR") return "is a directory, not a file; pass a config file";
  if (code === "EACCES" || code === "EPERM") return "permission denied; make the file readable (chmod +r) or run as a user who can read it";
  // Anything else: the system's words without the call and path Node appends (`, open '/tmp/…'`).
  return (error as Error).message.replace(/^[A-Z]+: /, "").replace(/, \w+ '[^']*'$/, "");
}
