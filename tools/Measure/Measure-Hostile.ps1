# An adversarial pass (not a test): bad input, huge requests and hostile files against the cmdlets, each case in a
# fresh process with a time limit and a 2 GB heap (so that an older build's runaway case cannot take the machine
# down), classified as clean or not. Clean: a refusal is an ErrorRecord with one of the
# module's ErrorIds (or PowerShell's binding error carrying the module's message), a message without a .NET type
# name, a raw .NET exception or a temporary file's name, within the time limit; a case marked Accept must work and
# pass its check. Run after `dotnet pwsh ./build.ps1 Build`:
#   dotnet pwsh ./tools/Measure/Measure-Hostile.ps1 [-ModulePath ./out/BackpropPS] [-Seconds 30] [-Detailed]
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../out/BackpropPS'),
    [int] $Seconds = 30,
    [switch] $Detailed
)

$work = Join-Path ([IO.Path]::GetTempPath()) ("backprop-hostile-" + [guid]::NewGuid().ToString('N').Substring(0, 8))
New-Item -ItemType Directory -Path $work | Out-Null
$ModulePath = (Resolve-Path $ModulePath).Path

# Files the cases use: made once, here.
$setup = {
    param($work)
    Set-Location $work
    $net = New-BackpropNetwork -Example StepByStep
    $net | Export-BackpropNetwork -Path net.json -Force
    New-Item -ItemType Directory -Path folder, readonly, locked/inside -Force | Out-Null
    chmod 555 readonly; $net | Export-BackpropNetwork -Path locked/inside/net.json -Force; chmod 000 locked
    mkfifo fifo.json 2>$null; mkfifo fifo-idx 2>$null
    [IO.File]::WriteAllBytes("$work/latin1.json", [byte[]](0x7B, 0xE9, 0x7D))
    'x' | Set-Content private.json; chmod 600 private.json
    'old' | Set-Content target.json; New-Item -ItemType SymbolicLink -Path link.json -Target "$work/target.json" -Force | Out-Null
    # An IDX image file of 2 MB (gzip) that declares 2.7 million 28 x 28 images, and labels that match it.
    $header = [byte[]](0, 0, 8, 3) + [BitConverter]::GetBytes([int]2700000)[3..0] + [byte[]](0, 0, 0, 28, 0, 0, 0, 28)
    $zeros = New-Object byte[] (200MB)
    foreach ($name in 'bomb-images.gz') {
        $file = [IO.File]::Create("$work/$name"); $gz = [IO.Compression.GZipStream]::new($file, [IO.Compression.CompressionLevel]::Optimal)
        $gz.Write($header, 0, $header.Length); $gz.Write($zeros, 0, $zeros.Length); $gz.Dispose(); $file.Dispose()
    }
    $labels = [byte[]](0, 0, 8, 1) + [BitConverter]::GetBytes([int]2700000)[3..0] + (New-Object byte[] 16)
    [IO.File]::WriteAllBytes("$work/bomb-labels", $labels)
    $huge = [byte[]](0, 0, 8, 3, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 1) # 65536 x 65536 x 65537
    [IO.File]::WriteAllBytes("$work/huge-images", $huge)
}

# Name, then what must happen: Refuse (an error, clean) or Accept (works; the script's last output must be $true).
$cases = @(
    # Numbers given to parameters.
    , @('Refuse', 'training -Epochs 2.5', { Invoke-BackpropTraining -Network $net -Input @(, @(0.05, 0.1)) -Target @(, @(0.01, 0.99)) -Epochs 2.5 })
    , @('Refuse', "training -Epochs '2.5'", { Invoke-BackpropTraining -Network $net -Input @(, @(0.05, 0.1)) -Target @(, @(0.01, 0.99)) -Epochs '2.5' })
    , @('Refuse', "training -LearningRate '0,5'", { Invoke-BackpropTraining -Network $net -Input @(, @(0.05, 0.1)) -Target @(, @(0.01, 0.99)) -LearningRate '0,5' })
    , @('Refuse', "training -BatchSize '0x10'", { Invoke-BackpropTraining -Network $net -Input @(, @(0.05, 0.1)) -Target @(, @(0.01, 0.99)) -BatchSize '0x10' })
    , @('Refuse', "training -Epochs '10kb'", { Invoke-BackpropTraining -Network $net -Input @(, @(0.05, 0.1)) -Target @(, @(0.01, 0.99)) -Epochs '10kb' })
    , @('Refuse', 'training -Epochs $true', { Invoke-BackpropTraining -Network $net -Input @(, @(0.05, 0.1)) -Target @(, @(0.01, 0.99)) -Epochs $true })
    , @('Refuse', 'training -Seed 1e10', { Invoke-BackpropTraining -Network $net -Input @(, @(0.05, 0.1)) -Target @(, @(0.01, 0.99)) -Seed 1e10 })
    , @('Refuse', 'training -LearningRate NaN', { Invoke-BackpropTraining -Network $net -Input @(, @(0.05, 0.1)) -Target @(, @(0.01, 0.99)) -LearningRate ([double]::NaN) })
    , @('Refuse', 'training -ValidationFraction Infinity', { Invoke-BackpropTraining -Network $net -Input @(, @(0.05, 0.1)) -Target @(, @(0.01, 0.99)) -ValidationFraction 'Infinity' })
    , @('Refuse', "weight image -Layer '1,0'", { $net | Export-BackpropWeightImage -Path w.svg -Layer '1,0' -Force })
    , @('Refuse', "Moons -Count '3.5'", { Get-BackpropDataset Moons -Count '3.5' })
    , @('Refuse', 'exercise -Seed 7.5', { New-BackpropExercise -Seed 7.5 })
    , @('Refuse', 'boundary -Resolution 2.5', { $net | Get-BackpropDecisionBoundary -Network $net -XRange 0, 1 -YRange 0, 1 -Resolution 2.5 })
    , @('Refuse', 'network -LayerSize 2.5, 1', { New-BackpropNetwork -LayerSize 2.5, 1 })
    , @('Refuse', "step -LearningRate '1,5'", { $net | Invoke-BackpropStep -Input 0.05, 0.1 -Target 0.01, 0.99 -LearningRate '1,5' })
    # Sweeps.
    , @('Refuse', "sweep Optimizer 'Adamm'", { Invoke-BackpropSweep -Network $net -Grid @{ Optimizer = 'Adamm' } -Parameters @{ Input = @(, @(0.05, 0.1)); Target = @(, @(0.01, 0.99)) } })
    , @('Refuse', 'sweep Loss 3', { Invoke-BackpropSweep -Network $net -Grid @{ Loss = 3 } -Parameters @{ Input = @(, @(0.05, 0.1)); Target = @(, @(0.01, 0.99)) } })
    , @('Refuse', 'sweep Epochs 2.5', { Invoke-BackpropSweep -Network $net -Grid @{ Epochs = 2.5 } -Parameters @{ Input = @(, @(0.05, 0.1)); Target = @(, @(0.01, 0.99)) } })
    , @('Refuse', "sweep Shuffle 'yes'", { Invoke-BackpropSweep -Network $net -Grid @{ Shuffle = 'yes' } -Parameters @{ Input = @(, @(0.05, 0.1)); Target = @(, @(0.01, 0.99)) } })
    , @('Refuse', 'sweep LearningRate and learningrate', { $g = [hashtable]::new([StringComparer]::Ordinal); $g['LearningRate'] = 0.1; $g['learningrate'] = 0.5; Invoke-BackpropSweep -Network $net -Grid $g -Parameters @{ Input = @(, @(0.05, 0.1)); Target = @(, @(0.01, 0.99)) } })
    , @('Refuse', 'sweep of 10^10 runs', { Invoke-BackpropSweep -Network $net -Grid ([ordered]@{ Seed = 1..100000; Patience = 1..100000 }) -Parameters @{ Input = @(, @(0.05, 0.1)); Target = @(, @(0.01, 0.99)) } })
    , @('Refuse', 'sweep empty column', { Invoke-BackpropSweep -Network $net -Grid @{ Seed = @() } })
    , @('Refuse', 'sweep reserved Network', { Invoke-BackpropSweep -Network $net -Grid @{ Network = $net } })
    , @('Refuse', 'sweep unknown key', { Invoke-BackpropSweep -Network $net -Grid @{ Optimiser = 'Adam' } })
    , @('Refuse', 'sweep a network piped as data', { $net | Invoke-BackpropSweep -Network $net -Grid @{ Seed = 1 } })
    , @('Accept', 'sweep of 215^3 runs: first row at once', { $r = Invoke-BackpropSweep -Network $net -Grid ([ordered]@{ Seed = 1..215; Patience = 1..215; CheckpointInterval = 1..215 }) -Parameters @{ Input = @(, @(0.05, 0.1)); Target = @(, @(0.01, 0.99)); Epochs = 1 } | Select-Object -First 1; $r.Run -eq 1 })
    , @('Accept', 'sweep of one run of 10^8 epochs: first rows at once', { $r = Invoke-BackpropSweep -Network $net -Grid @{ Seed = 1 } -Parameters @{ Input = @(, @(0.05, 0.1)); Target = @(, @(0.01, 0.99)); Epochs = 100000000 } | Select-Object -First 2; $r[1].Epoch -eq 2 })
    # Confusion matrices.
    , @('Refuse', 'confusion count 2.7', { [pscustomobject]@{ Labels = 'a', 'b'; ConfusionMatrix = @([pscustomobject]@{ Actual = 'a'; a = 2.7; b = 0 }) } | Export-BackpropConfusionMatrix -Path c.svg -Force })
    , @('Refuse', "confusion count '0x10'", { [pscustomobject]@{ Labels = 'a', 'b'; ConfusionMatrix = @([pscustomobject]@{ Actual = 'a'; a = '0x10'; b = 0 }) } | Export-BackpropConfusionMatrix -Path c.svg -Force })
    , @('Refuse', "confusion count '1,000'", { [pscustomobject]@{ Labels = 'a', 'b'; ConfusionMatrix = @([pscustomobject]@{ Actual = 'a'; a = '1,000'; b = 0 }) } | Export-BackpropConfusionMatrix -Path c.svg -Force })
    , @('Refuse', 'confusion count 3e9', { [pscustomobject]@{ Labels = 'a', 'b'; ConfusionMatrix = @([pscustomobject]@{ Actual = 'a'; a = 3e9; b = 0 }) } | Export-BackpropConfusionMatrix -Path c.svg -Force })
    , @('Refuse', 'confusion count -1', { [pscustomobject]@{ Labels = 'a', 'b'; ConfusionMatrix = @([pscustomobject]@{ Actual = 'a'; a = -1; b = 0 }) } | Export-BackpropConfusionMatrix -Path c.svg -Force })
    , @('Refuse', 'confusion count $true', { [pscustomobject]@{ Labels = 'a', 'b'; ConfusionMatrix = @([pscustomobject]@{ Actual = 'a'; a = $true; b = 0 }) } | Export-BackpropConfusionMatrix -Path c.svg -Force })
    , @('Refuse', 'confusion count NaN', { [pscustomobject]@{ Labels = 'a', 'b'; ConfusionMatrix = @([pscustomobject]@{ Actual = 'a'; a = [double]::NaN; b = 0 }) } | Export-BackpropConfusionMatrix -Path c.svg -Force })
    , @('Refuse', 'confusion two rows for one class', { [pscustomobject]@{ Labels = 'a', 'b'; ConfusionMatrix = @([pscustomobject]@{ Actual = 'a'; a = 1; b = 0 }, [pscustomobject]@{ Actual = 'a'; a = 0; b = 2 }) } | Export-BackpropConfusionMatrix -Path c.svg -Force })
    , @('Refuse', 'confusion 60,000 labels', { [pscustomobject]@{ Labels = (0..59999 | ForEach-Object { "c$_" }); ConfusionMatrix = @() } | Export-BackpropConfusionMatrix -Path c.svg -Force })
    , @('Refuse', 'confusion no labels', { [pscustomobject]@{ Labels = @(); ConfusionMatrix = @() } | Export-BackpropConfusionMatrix -Path c.svg -Force })
    , @('Refuse', 'confusion a row of no label', { [pscustomobject]@{ Labels = 'a', 'b'; ConfusionMatrix = @([pscustomobject]@{ Actual = 'z'; a = 1; b = 0 }) } | Export-BackpropConfusionMatrix -Path c.svg -Force })
    , @('Refuse', 'confusion not a report', { 42 | Export-BackpropConfusionMatrix -Path c.svg -Force })
    # Decision boundaries and the range test.
    , @('Refuse', 'boundary 2,000 frames', { $run = Invoke-BackpropTraining -Network (New-BackpropNetwork 2, 3, 1 -Seed 1) -Input @(0, 0), @(0, 1) -Target 0, 1 -Epochs 2000 -BatchSize 0; $run | Export-BackpropDecisionBoundary -Path b.svg -Animate -Epoch (1..2000) -XRange 0, 1 -YRange 0, 1 -Force })
    , @('Refuse', 'boundary 20 panels at 1000', { $run = Invoke-BackpropTraining -Network (New-BackpropNetwork 2, 3, 1 -Seed 1) -Input @(0, 0), @(0, 1) -Target 0, 1 -Epochs 20 -BatchSize 0; $run | Export-BackpropDecisionBoundary -Path b.svg -Epoch (1..20) -Resolution 1000 -XRange 0, 1 -YRange 0, 1 -Force })
    , @('Refuse', 'boundary 40 tiles at 1000', { New-BackpropNetwork 2, 40, 1 -Seed 1 | Export-BackpropDecisionBoundary -Path b.svg -Layer 1 -Resolution 1000 -XRange 0, 1 -YRange 0, 1 -Force })
    , @('Refuse', 'boundary map of 100 classes at 1000', { Get-BackpropDecisionBoundary -Network (New-BackpropNetwork 2, 100 -Activation Softmax -Seed 1) -XRange 0, 1 -YRange 0, 1 -Resolution 1000 | Select-Object -First 1 })
    , @('Refuse', 'boundary -Resolution 1001', { Get-BackpropDecisionBoundary -Network (New-BackpropNetwork 2, 1 -Seed 1) -XRange 0, 1 -YRange 0, 1 -Resolution 1001 })
    , @('Refuse', 'boundary -XRange NaN, 1', { Get-BackpropDecisionBoundary -Network (New-BackpropNetwork 2, 1 -Seed 1) -XRange ([double]::NaN), 1 -YRange 0, 1 })
    , @('Refuse', 'range test -Steps 1e9', { Find-BackpropLearningRate -Network $net -Input @(, @(0.05, 0.1)) -Target @(, @(0.01, 0.99)) -Steps 1e9 })
    , @('Refuse', 'range test -Steps 1', { Find-BackpropLearningRate -Network $net -Input @(, @(0.05, 0.1)) -Target @(, @(0.01, 0.99)) -Steps 1 })
    # Generated and downloaded data.
    , @('Refuse', 'Moons -Noise 1e308', { Get-BackpropDataset Moons -Noise 1e308 })
    , @('Refuse', 'Moons -Noise NaN', { Get-BackpropDataset Moons -Noise ([double]::NaN) })
    , @('Refuse', 'Circle -Count 1e9', { Get-BackpropDataset Circle -Count 1e9 })
    , @('Refuse', 'Spiral -Count -5', { Get-BackpropDataset Spiral -Count -5 })
    , @('Refuse', 'Gauss -Noise -1', { Get-BackpropDataset Gauss -Noise -1 })
    , @('Refuse', 'Mnist gzip declaring 2.7 million images', { Get-BackpropDataset Mnist -Path bomb-images.gz, bomb-labels })
    , @('Refuse', 'Mnist 65536 x 65536 x 65537 header', { Get-BackpropDataset Mnist -Path huge-images, bomb-labels })
    , @('Refuse', 'Mnist a FIFO as a file', { Get-BackpropDataset Mnist -Path fifo-idx, bomb-labels })
    , @('Refuse', 'Mnist a folder without files', { Get-BackpropDataset Mnist -Path folder })
    , @('Refuse', 'Mnist a character device', { Get-BackpropDataset Mnist -Path /dev/zero, bomb-labels })
    # Files written.
    , @('Refuse', 'export to a folder', { $net | Export-BackpropNetwork -Path folder })
    , @('Refuse', 'export into a missing folder', { $net | Export-BackpropNetwork -Path no/such/net.json })
    , @('Refuse', 'export a null character', { $net | Export-BackpropNetwork -Path "a`0b.json" })
    , @('Refuse', 'export onto another provider', { $net | Export-BackpropNetwork -Path Env:\x })
    , @('Refuse', 'export over a FIFO without -Force', { $net | Export-BackpropNetwork -Path fifo.json })
    , @('Refuse', 'picture with a control character in its title', { $net | Export-BackpropWeightImage -Path t.svg -Title "a`u{1}b" -Force })
    , @('Refuse', 'picture as .png', { [pscustomobject]@{ Epoch = 1; Loss = 1 } | Export-BackpropLossChart -Path l.png -Force })
    , @('Accept', 'replace a 0600 file: stays 0600', { $net | Export-BackpropNetwork -Path private.json -Force; [IO.File]::GetUnixFileMode("$PWD/private.json") -eq [IO.UnixFileMode]'UserRead, UserWrite' })
    , @('Accept', 'replace through a symbolic link: stays a link', { $net | Export-BackpropNetwork -Path link.json -Force; (Get-Item link.json).LinkType -eq 'SymbolicLink' -and (Get-Content -Raw target.json) -match 'BackpropPS.Network' })
    # Files read.
    , @('Refuse', 'import a FIFO', { Import-BackpropNetwork -LiteralPath fifo.json })
    , @('Refuse', 'import a character device', { Import-BackpropNetwork -LiteralPath /dev/zero })
    , @('Refuse', 'import a folder', { Import-BackpropNetwork -LiteralPath folder })
    , @('Refuse', 'import text that is not UTF-8', { Import-BackpropNetwork -LiteralPath latin1.json })
    , @('Refuse', 'import a missing file', { Import-BackpropNetwork -LiteralPath none.json })
    , @('Refuse', 'grade a FIFO', { Test-BackpropExercise -LiteralPath fifo.json -Exercise (New-BackpropExercise -Example StepByStep) })
    , @('Refuse', '42 | ConvertFrom-BackpropJson', { 42 | ConvertFrom-BackpropJson })
    , @('Refuse', "'[1]' | ConvertFrom-BackpropJson", { '[1]' | ConvertFrom-BackpropJson })
    , @('Refuse', 'a NaN weight to text', { New-BackpropNetwork -Weight @(, @(, [double]::NaN)) | ConvertTo-BackpropJson })
    # Objects rebuilt from Clixml and jobs.
    , @('Refuse', 'an epoch row with Loss NaN and Epoch -7 from Clixml', {
            $row = Invoke-BackpropTraining -Network $net -Input @(, @(0.05, 0.1)) -Target @(, @(0.01, 0.99)) -Epochs 1
            $row | Export-Clixml row.xml -Depth 5
            (Get-Content -Raw row.xml) -replace '<I32 N="Epoch">1</I32>', '<I32 N="Epoch">-7</I32>' -replace '<Db N="Loss">[^<]*</Db>', '<Db N="Loss">NaN</Db>' | Set-Content row.xml
            Import-Clixml row.xml | Export-BackpropNetwork -Path fromrow.json -Force })
    , @('Refuse', 'a training step without its LearningRate from Clixml', {
            $net | Invoke-BackpropStep -Input 0.05, 0.1 -Target 0.01, 0.99 -LearningRate 0.5 | Export-Clixml step.xml
            (Get-Content -Raw step.xml) -replace '<Db N="LearningRate">[^<]*</Db>', '' | Set-Content step.xml
            Import-Clixml step.xml | Get-BackpropParameter })
    , @('Accept', 'a learning-rate result through a job, charted', {
            $m = (Get-Module BackpropPS).ModuleBase
            $r = Start-Job { Import-Module $using:m; Find-BackpropLearningRate -Network (New-BackpropNetwork -Example StepByStep) -Input @(, @(0.05, 0.1)) -Target @(, @(0.01, 0.99)) -Steps 20 } | Receive-Job -Wait -AutoRemoveJob
            ($r | Export-BackpropLearningRateChart -Path lr.svg -Force -PassThru).Length -gt 0 })
    , @('Accept', 'a data set through a job, trained on', {
            $m = (Get-Module BackpropPS).ModuleBase
            $d = Start-Job { Import-Module $using:m; Get-BackpropDataset Digits -Split Test -Seed 1 } | Receive-Job -Wait -AutoRemoveJob
            @(Invoke-BackpropTraining -Network (New-BackpropNetwork 64, 10 -Activation Softmax -Seed 1) -Dataset $d -Epochs 1).Count -eq 1 })
    # Grading.
    , @('Accept', 'grading with the teacher''s exercise while the file beside the sheet was edited: 0 %, verified', {
            $sheet = New-BackpropExercise -Example StepByStep -Path sheet -Force
            $exercise = Get-Content -Raw sheet.exercise.json | ConvertFrom-Json
            $exercise.exercise.decimals = 0
            $exercise | ConvertTo-Json -Depth 20 | Set-Content sheet.exercise.json
            $grade = Test-BackpropExercise sheet.csv -Summary -Exercise $sheet
            $grade.Score -eq 0 -and $grade.Verified })
    , @('Refuse', 'grading against the edited exercise file beside the sheet', {
            New-BackpropExercise -Example StepByStep -Path edited -Force | Out-Null
            (Get-Content -Raw edited.exercise.json) -replace '"decimals": 4', '"decimals": 0' | Set-Content edited.exercise.json
            Test-BackpropExercise edited.csv -Summary })
    , @('Refuse', 'grading a sheet of another exercise', {
            $a = New-BackpropExercise -Seed 1 -Path one -Force; $b = New-BackpropExercise -Seed 2 -Path two -Force
            Test-BackpropExercise one.csv -Exercise $b })
    , @('Refuse', 'an exercise file with a weight of 1e308', {
            New-BackpropExercise -Example StepByStep -Path huge -Force | Out-Null
            (Get-Content -Raw huge.exercise.json) -replace '0\.15', '1e308' | Set-Content huge.exercise.json
            Test-BackpropExercise huge.csv -Exercise huge.exercise.json -ErrorAction Stop })
)

function Test-Clean([string] $fullId, [string] $message) {
    $id = $fullId.Split(',')[0]
    $dirty = $message -match '\b(System|Microsoft|BackpropPS|Newtonsoft)\.[A-Z][A-Za-z]+\.[A-Za-z.]+' -or
        $message -match 'Object reference not set|Exception of type|\.backprop-[0-9a-f]+\.tmp|An item with the same key|Value was either too large' -or
        $id -match '^(System\.|RuntimeException|MethodInvocationException|CmdletInvocationException$|ParameterBindingException$|ParameterArgumentValidationError|CannotConvertArgumentNoMessage)' -or
        ($id -in 'ParameterArgumentTransformationError', 'CannotConvertArgument' -and $message -notmatch 'Expected ')
    -not $dirty
}

Import-Module $ModulePath
& $setup $work
$pwsh = [Environment]::ProcessPath
$prefix = [string[]] @(if ([IO.Path]::GetFileNameWithoutExtension($pwsh) -eq 'dotnet') { [Reflection.Assembly]::GetEntryAssembly().Location })
$results = foreach ($case in $cases) {
    $expect, $name, $script = $case
    if ($Detailed) { [Console]::Error.WriteLine("case: $name") }
    # The child reports what happened as one line of JSON: the first error record, or the last output.
    $child = @"
Import-Module '$ModulePath'; Set-Location '$work'; `$net = New-BackpropNetwork -Example StepByStep
`$out = `$null; `$thrown = `$null
try { `$out = & { $script } 2>&1 } catch { `$thrown = `$_ }
`$errors = @(`$out | Where-Object { `$_ -is [System.Management.Automation.ErrorRecord] })
`$record = if (`$thrown) { `$thrown } elseif (`$errors) { `$errors[0] }
`$last = @(`$out | Where-Object { `$_ -isnot [System.Management.Automation.ErrorRecord] })
[pscustomobject]@{ Id = "`$(`$record.FullyQualifiedErrorId)"; Message = "`$(`$record.Exception.Message)"; Last = "`$(if (`$last) { `$last[-1] })"; Failed = [bool] `$record } | ConvertTo-Json -Compress
"@
    $start = [Diagnostics.ProcessStartInfo]::new($pwsh)
    foreach ($a in $prefix + @('-NoProfile', '-NonInteractive', '-Command', $child)) { $start.ArgumentList.Add($a) }
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $start.Environment['DOTNET_GCHeapHardLimit'] = '0x80000000'
    $clock = [Diagnostics.Stopwatch]::StartNew()
    $process = [Diagnostics.Process]::Start($start)
    $stdout = $process.StandardOutput.ReadToEndAsync(); $null = $process.StandardError.ReadToEndAsync()
    $finished = $process.WaitForExit($Seconds * 1000)
    if (-not $finished) { $process.Kill($true) }
    $line = if ($finished) { @($stdout.Result -split '\r?\n' | Where-Object { $_ -like '{*' })[-1] }
    $report = if ($line) { $line | ConvertFrom-Json }
    $what, $clean = if (-not $finished) { "no answer in $Seconds s (killed)", $false }
    elseif (-not $report) { "the process ended without an answer (exit code $($process.ExitCode))", $false }
    elseif ($expect -eq 'Accept') {
        if ($report.Failed) { "failed: $($report.Message)", $false }
        elseif ($report.Last -eq 'True') { 'worked', $true } else { 'worked, but the check failed', $false }
    }
    elseif ($report.Failed) { "$($report.Id.Split(',')[0]): $($report.Message)", (Test-Clean $report.Id $report.Message) }
    else { 'accepted without a word', $false }
    [pscustomobject]@{ Clean = $clean; Case = $name; Seconds = [math]::Round($clock.Elapsed.TotalSeconds, 1); Outcome = ($what -replace '\s+', ' ') }
}
chmod -R u+rwx (Join-Path $work 'locked') 2>$null
Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
if ($Detailed) { $results | Format-Table -AutoSize -Wrap | Out-String -Width 220 }
else { $results | Where-Object { -not $_.Clean } | Format-Table -AutoSize -Wrap | Out-String -Width 220 }
'{0} cases: {1} clean, {2} not' -f $results.Count, @($results | Where-Object Clean).Count, @($results | Where-Object { -not $_.Clean }).Count
