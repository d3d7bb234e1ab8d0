# Assertions the Pester tests share. Pester 5 has no tolerance assertion, hence Assert-Close.

function Assert-Close {
    # Fails unless |Actual - Expected| <= Tolerance.
    param([double] $Actual, [double] $Expected, [double] $Tolerance = 1e-12, [string] $Because)
    [math]::Abs($Actual - $Expected) | Should -BeLessOrEqual $Tolerance -Because "$Because expected $Expected, got $Actual"
}

function Get-ErrorRecord {
    # Runs $Script, which must fail, checks the ErrorId (and category) and returns the ErrorRecord. A
    # non-terminating error counts (the first one written), so one helper checks both kinds. It is taken
    # from the merged error stream: $ErrorActionPreference set here would not reach a script block of the
    # caller's scope.
    param([scriptblock] $Script, [string] $ErrorId, [string] $Category)
    $record = $null
    try { $output = & $Script 2>&1 } catch { $record = $_ }
    if (-not $record) { $record = @($output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })[0] }
    $record | Should -Not -BeNullOrEmpty -Because 'the command must fail'
    $record.FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
    if ($Category) { $record.CategoryInfo.Category | Should -Be $Category }
    $record
}

function ConvertTo-BitPattern {
    # Each double as its 64 bits, so that -Be compares bit for bit (NaN, -0.0 and the last digit included).
    param([double[]] $Values)
    foreach ($value in $Values) { [BitConverter]::DoubleToInt64Bits($value) }
}

function Invoke-FreshPwsh {
    # Runs a command in a new PowerShell process (same PowerShell, same PSModulePath) and returns its output.
    param([string] $Command)
    $executable = [Environment]::ProcessPath
    $arguments = [System.Collections.Generic.List[string]]::new()
    # Under `dotnet pwsh` the process is the dotnet host, which needs pwsh.dll as its first argument.
    if ([IO.Path]::GetFileNameWithoutExtension($executable) -eq 'dotnet') { $arguments.Add([Reflection.Assembly]::GetEntryAssembly().Location) }
    $arguments.AddRange([string[]]@('-NoProfile', '-NonInteractive', '-Command', $Command))
    $output = & $executable $arguments
    if ($LASTEXITCODE -ne 0) { throw "The fresh pwsh failed with exit code $LASTEXITCODE`: $output" }
    $output
}

Export-ModuleMember -Function Assert-Close, ConvertTo-BitPattern, Get-ErrorRecord, Invoke-FreshPwsh
