# Runs the examples of a platyPS help page as a reader would type them. Each "### Example N: Title" has one
# powershell block: lines starting "PS> " (continued by ">> ") are typed, the other lines are what they print.

function Get-HelpExample {
    # The examples of one page: Title, Commands (one string per command) and Expected (output lines).
    param([string] $Path)
    $text = Get-Content -Raw -LiteralPath $Path
    $section = ($text -split '(?m)^## ')  | Where-Object { $_ -like 'EXAMPLES*' }
    foreach ($example in ($section -split '(?m)^### ') | Where-Object { $_ -match '^Example \d+' }) {
        $title = ($example -split '\r?\n')[0].Trim()
        $block = [regex]::Match($example, '(?s)```powershell\r?\n(.*?)\r?\n```').Groups[1].Value
        $commands = [System.Collections.Generic.List[string]]::new()
        $expected = [System.Collections.Generic.List[string]]::new()
        foreach ($line in $block -split '\r?\n') {
            if ($line.StartsWith('PS> ')) { $commands.Add($line.Substring(4)) }
            elseif ($line.StartsWith('>> ')) { $commands[$commands.Count - 1] += "`n" + $line.Substring(3) }
            else { $expected.Add($line) }
        }
        [pscustomobject]@{ Title = $title; Commands = $commands.ToArray(); Expected = @(Format-Output $expected) }
    }
}

function Invoke-HelpExample {
    # Runs one example in a fresh runspace, in an empty temporary folder, after Import-Module BackpropPS.
    # Returns its output lines (normalised like Expected) and its errors.
    param([pscustomobject] $Example)
    $folder = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid().ToString('N'))
    New-Item -ItemType Directory -Path $folder | Out-Null
    $shell = [powershell]::Create([System.Management.Automation.RunspaceMode]::NewRunspace)
    try {
        $null = $shell.AddScript("Set-Location -LiteralPath '$folder'; Import-Module BackpropPS").Invoke()
        $output = foreach ($command in $Example.Commands) {
            $shell.Commands.Clear()
            # Dot-sourced so that variables live on to the next command; formatted as the console would.
            $shell.AddScript(". {`n$command`n} | Out-String -Width 120 -Stream").Invoke()
        }
        [pscustomobject]@{ Output = @(Format-Output $output); Errors = @($shell.Streams.Error) }
    }
    finally {
        $shell.Dispose()
        Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue
    }
}

function Format-Output {
    # Blank lines and trailing spaces are layout, not output.
    param([string[]] $Lines)
    $Lines | ForEach-Object { "$_".TrimEnd() } | Where-Object { $_ -ne '' }
}

Export-ModuleMember -Function Get-HelpExample, Invoke-HelpExample
