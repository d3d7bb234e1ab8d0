# Error creation shared by all parts: format errors from the parsers, error records for the public commands.

# Format problems are InvalidDataException so public functions can tell them from I/O failures
# and report them under one error id.
function New-FormatError {
    param([string]$File, [int]$Line, [string]$Message)
    $where = if ($Line -gt 0) { "'$File' (line $Line)" } else { "'$File'" }
    [System.IO.InvalidDataException]::new("Invalid help markdown in ${where}: $Message")
}

function New-HelpBuilderErrorRecord {
    param([System.Management.Automation.ErrorRecord]$ErrorRecord)
    $ex = $ErrorRecord.Exception
    if ($ex -is [System.Management.Automation.MethodInvocationException] -and $ex.InnerException) {
        $ex = $ex.InnerException
    }
    $id, $category = switch ($ex) {
        { $_ -is [System.IO.InvalidDataException] } { 'HelpBuilder.InvalidMarkdown', 'InvalidData'; break }
        { $_ -is [System.IO.FileNotFoundException] -or $_ -is [System.IO.DirectoryNotFoundException] } {
            'HelpBuilder.NotFound', 'ObjectNotFound'; break
        }
        default { 'HelpBuilder.Failed', 'NotSpecified' }
    }
    [System.Management.Automation.ErrorRecord]::new($ex, $id, $category, $null)
}
