# Measures what hostile IDX files cost Get-BackpropDataset (not a test: timings vary): each case runs in a fresh
# PowerShell process, which reports the command's own time and its peak working set (VmHWM); /usr/bin/time, where
# there is one, adds the whole process's elapsed time and maximum resident set. The first row is the baseline: a
# fresh process that imports the module and reads the tiny Digits set.
# Run after `dotnet pwsh ./build.ps1 Build`: dotnet pwsh ./tools/Measure/Measure-HostileIdx.ps1
# It writes about 6 MB of files to a temporary folder, and spends most of its time gzipping gigabytes of zeros.
# -ModulePath takes another build's out folder, to compare; -TimeoutSeconds ends a case that blocks (an older build
# opening the pipe) and reports it.
param(
    [string] $Folder = (Join-Path ([IO.Path]::GetTempPath()) 'hostile-idx'),
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../out'),
    [int] $TimeoutSeconds = 60
)
$ErrorActionPreference = 'Stop'
$module = $ModulePath
New-Item -ItemType Directory -Force $Folder | Out-Null

function New-IdxGzip([string] $Name, [long[]] $Dimensions, [long] $Zeros, [int] $RandomBytes) {
    # An IDX header, $RandomBytes random bytes (they do not compress), then $Zeros zero bytes, gzipped as a stream.
    $path = Join-Path $Folder $Name
    if (Test-Path $path) { return $path }
    $header = [Collections.Generic.List[byte]]::new()
    $header.AddRange([byte[]](0, 0, 8, $Dimensions.Count))
    foreach ($d in $Dimensions) { $header.AddRange([byte[]]((($d -shr 24) -band 255), (($d -shr 16) -band 255), (($d -shr 8) -band 255), ($d -band 255))) }
    $file = [IO.File]::Create($path)
    $zip = [IO.Compression.GZipStream]::new($file, [IO.Compression.CompressionLevel]::SmallestSize)
    $zip.Write($header.ToArray(), 0, $header.Count)
    $random = [byte[]]::new($RandomBytes)
    [Random]::new(1).NextBytes($random)
    $zip.Write($random, 0, $random.Length)
    $block = [byte[]]::new(1MB)
    for ($left = $Zeros; $left -gt 0; $left -= $block.Length) { $zip.Write($block, 0, [Math]::Min($left, $block.Length)) }
    $zip.Dispose(); $file.Dispose()
    $path
}

$millions = 2700000L * 784
$labels = New-IdxGzip 'labels-2.7M.gz' @(2700000) 2700000 0
$cases = @(
    @{ Case = 'baseline: Digits'; Command = 'Get-BackpropDataset Digits' }
    @{ Case = 'bomb: 2.7M x 28 x 28 declared, all there as zeros'; Files = (New-IdxGzip 'bomb-2.7M.gz' (2700000, 28, 28) $millions 0), $labels }
    @{ Case = 'liar: 2.7M x 28 x 28 declared, 2 MB of values'; Files = (New-IdxGzip 'liar-2.7M.gz' (2700000, 28, 28) 0 2MB), $labels }
    @{ Case = 'liar within 100x: 2,000 x 28 x 28 declared, 20,000 values'; Files = (New-IdxGzip 'liar-2000.gz' (2000, 28, 28) 0 20000), (New-IdxGzip 'labels-2000.gz' @(2000) 2000 0) }
    @{ Case = 'more: 100 images declared, 2 GB of zeros after them'; Files = (New-IdxGzip 'more-100.gz' (100, 28, 28) 2GB 78400), (New-IdxGzip 'labels-100.gz' @(100) 100 0) }
    @{ Case = 'bomb, in a process limited to 1 GB (GC heap limit)'; Files = (Join-Path $Folder 'bomb-2.7M.gz'), $labels; Environment = @{ DOTNET_GCHeapHardLimit = '0x40000000' } }
)
$fifo = Join-Path $Folder 'pipe'
if (-not (Test-Path $fifo) -and (Get-Command mkfifo -CommandType Application -ErrorAction SilentlyContinue)) { & mkfifo $fifo }
# Opening a pipe to read waits for a writer, and Ctrl+C cannot end that wait: it must be refused unopened.
if (Test-Path $fifo) { $cases += @{ Case = 'named pipe (FIFO) as the image file'; Files = $fifo, $labels } }

$time = Get-Command /usr/bin/time -CommandType Application -ErrorAction SilentlyContinue
$results = foreach ($case in $cases) {
    $command = if ($case.Command) { $case.Command } else { "Get-BackpropDataset Mnist -Path '$($case.Files[0])', '$($case.Files[1])'" }
    $script = "`$env:PSModulePath = '$module' + [IO.Path]::PathSeparator + `$env:PSModulePath; Import-Module BackpropPS; `$outcome = 'read'; " +
        "`$seconds = (Measure-Command { try { `$null = $command -ErrorAction Stop } catch { `$outcome = `$_.FullyQualifiedErrorId -replace ',.*' } }).TotalSeconds; " +
        "'{0}|{1}|{2}' -f `$outcome, `$seconds, [Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64"
    $start = [Diagnostics.ProcessStartInfo]::new($(if ($time) { $time.Source } else { [Environment]::ProcessPath }))
    if ($time) { foreach ($a in '-f', 'TIME|%e|%M', [Environment]::ProcessPath) { $start.ArgumentList.Add($a) } }
    # Under `dotnet pwsh` the process is the dotnet host, which needs pwsh.dll as its first argument.
    if ([IO.Path]::GetFileNameWithoutExtension([Environment]::ProcessPath) -eq 'dotnet') { $start.ArgumentList.Add([Reflection.Assembly]::GetEntryAssembly().Location) }
    foreach ($a in '-NoProfile', '-NonInteractive', '-Command', $script) { $start.ArgumentList.Add($a) }
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    if ($case.Environment) { foreach ($k in $case.Environment.Keys) { $start.Environment[$k] = $case.Environment[$k] } }
    $process = [Diagnostics.Process]::Start($start)
    $errors = $process.StandardError.ReadToEndAsync()
    $output = $process.StandardOutput.ReadToEndAsync()
    if (-not $process.WaitForExit($TimeoutSeconds * 1000)) {
        $process.Kill($true)
        [pscustomobject]@{ Case = $case.Case; Outcome = "blocked: killed after $TimeoutSeconds s" }
        continue
    }
    $outcome, $seconds, $peak = ($output.Result.Trim() -split '\r?\n')[-1] -split '\|'
    $timed = ($errors.Result -split '\r?\n') -match '^TIME\|' | Select-Object -Last 1
    [pscustomobject]@{
        Case           = $case.Case
        'File MB'      = if ($case.Files) { [math]::Round((Get-Item -LiteralPath $case.Files[0]).Length / 1MB, 2) } else { $null }
        Outcome        = $outcome
        'Command s'    = [math]::Round([double]$seconds, 3)
        'Process s'    = if ($timed) { [double]($timed -split '\|')[1] } else { $null }
        'Peak WS MB'   = [math]::Round([double]$peak / 1MB, 1)
        'Max RSS MB'   = if ($timed) { [math]::Round([double]($timed -split '\|')[2] / 1KB, 1) } else { $null }
    }
}
$memory = [double]((Get-Content /proc/meminfo -TotalCount 1 -ErrorAction SilentlyContinue) -replace '\D') / 1MB # MemTotal, in kB
'{0} processors, {1:N1} GB of memory; PowerShell {2}, .NET {3}' -f [Environment]::ProcessorCount, $memory, $PSVersionTable.PSVersion, [Environment]::Version
$results | Format-Table -AutoSize | Out-String -Width 200
