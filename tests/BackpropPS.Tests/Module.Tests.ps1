# The module as installed: manifest, exports, output types and default views.
BeforeAll {
    Import-Module BackpropPS -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:module = Get-Module BackpropPS
    $script:manifest = Import-PowerShellDataFile (Join-Path $module.ModuleBase 'BackpropPS.psd1')
}

Describe 'The BackpropPS module' {
    It 'is imported from the built folder, not the source tree' {
        $module.ModuleBase | Should -BeLike '*out*BackpropPS'
    }

    It 'exports exactly the cmdlets its manifest lists' {
        @($module.ExportedCmdlets.Keys | Sort-Object) | Should -Be @($manifest.CmdletsToExport | Sort-Object)
    }

    It 'runs on Windows PowerShell and PowerShell 7 through one root module' {
        $manifest.CompatiblePSEditions | Should -Be 'Desktop', 'Core'
        $manifest.RootModule | Should -Be 'BackpropPS.psm1'
    }

    It 'ships both builds with their DLLs and no PowerShell reference assembly' {
        (Get-ChildItem $module.ModuleBase -Filter *.dll).Name | Should -BeNullOrEmpty
        (Get-ChildItem (Join-Path $module.ModuleBase 'net8.0') -Filter *.dll).Name | Sort-Object |
            Should -Be 'BackpropPS.Core.dll', 'BackpropPS.dll', 'Google.Protobuf.dll', 'Newtonsoft.Json.dll', 'OxyPlot.dll'
        (Get-ChildItem (Join-Path $module.ModuleBase 'netstandard2.0') -Filter *.dll).Name | Sort-Object |
            Should -Be 'BackpropPS.Core.dll', 'BackpropPS.dll', 'Google.Protobuf.dll', 'Newtonsoft.Json.dll', 'OxyPlot.dll', 'System.Buffers.dll',
            'System.Memory.dll', 'System.Numerics.Vectors.dll', 'System.Runtime.CompilerServices.Unsafe.dll'
    }

    It 'loads the net8.0 build in PowerShell 7.4 and later' {
        (Get-Command New-BackpropNetwork).DLL | Should -Be (Join-Path $module.ModuleBase 'net8.0' 'BackpropPS.dll')
        [BackpropPS.Core.Network].Assembly.Location | Should -Be (Join-Path $module.ModuleBase 'net8.0' 'BackpropPS.Core.dll')
    }

    It 'runs the fastest kernels this processor has' {
        [BackpropPS.Core.Kernels.Engine]::Build | Should -Be 'net8.0'
        $expected = if ([System.Runtime.Intrinsics.X86.Avx2]::IsSupported -and [System.Runtime.Intrinsics.X86.Fma]::IsSupported) { 'Avx2' } else { 'Vector' }
        [BackpropPS.Core.Kernels.Engine]::Path | Should -Be $expected
    }

    It 'compiles the engine and the training command in the background when imported, so that a first training call finds them compiled' {
        # What the JIT compiles during the first call, seen by an EventListener in a fresh process. The kernels and the
        # training step are compiled fully optimised on their first use ("Optimized", tier 2 of the runtime's
        # MethodLoadVerbose flags): without the warm-up a first call compiles 15 of them itself. Without the command's
        # own warm-up, it compiles the command's methods (BackpropPS.Commands) as well.
        $output = Invoke-FreshPwsh @"
Add-Type -TypeDefinition @'
using System;
using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
public sealed class FirstCallJit : EventListener
{
    public readonly ConcurrentQueue<string> Compiled = new ConcurrentQueue<string>();
    public volatile bool On;
    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x10);
    }
    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!On || e.EventId != 143) return;
        string name = e.Payload[6] + "::" + e.Payload[7];
        bool optimized = (Convert.ToInt32(e.Payload[5]) >> 7 & 7) == 2;
        if ((optimized && name.StartsWith("BackpropPS")) || name.StartsWith("BackpropPS.Commands")) Compiled.Enqueue(name);
    }
}
'@
`$listener = [FirstCallJit]::new()
Import-Module BackpropPS
Start-Sleep -Seconds 5
`$random = [Random]::new(1)
`$x = foreach (`$s in 1..256) { ,[double[]]@(foreach (`$i in 1..784) { `$random.NextDouble() }) }
`$y = foreach (`$s in 1..256) { `$row = [double[]]::new(10); `$row[`$s % 10] = 1; ,`$row }
`$net = New-BackpropNetwork -LayerSize 784, 128, 10 -Activation ReLU, Softmax -Seed 42
`$listener.On = `$true
`$null = Invoke-BackpropTraining -Network `$net -Input ([double[][]]`$x) -Target ([double[][]]`$y) -Loss CrossEntropy -Epochs 1 -BatchSize 64
`$listener.On = `$false
'compiled: ' + (`$listener.Compiled.ToArray() -join ', ')
"@
        $output | Should -Be 'compiled: '
    }

    It 'gives a training call made at once after the import the same numbers as one made after the warm-up' {
        $output = Invoke-FreshPwsh @'
$random = [Random]::new(2)
$x = [double[][]]@(foreach ($s in 1..512) { ,[double[]]@(foreach ($i in 1..64) { $random.NextDouble() }) })
$y = [double[][]]@(foreach ($s in 1..512) { $row = [double[]]::new(4); $row[$s % 4] = 1; ,$row })
Import-Module BackpropPS
$train = { Invoke-BackpropTraining -Network (New-BackpropNetwork -LayerSize 64, 128, 4 -Activation Tanh, Softmax -Seed 7) -Input $x -Target $y -Loss CrossEntropy -Optimizer Adam -LearningRate 0.01 -Epochs 2 -BatchSize 64 -Shuffle -Seed 3 | Select-Object -Last 1 }
$atOnce = & $train
Start-Sleep -Seconds 1
$later = & $train
$atOnce.Loss -eq $later.Loss
(ConvertTo-BackpropJson $atOnce.Network) -eq (ConvertTo-BackpropJson $later.Network)
'@
        $output | Should -Be 'True', 'True'
    }

    It 'has a netstandard2.0 build that runs the seed step in PowerShell 7 as well' {
        # What PowerShell 7.0-7.3 load: the same cmdlets on System.Numerics vectors.
        $dll = Join-Path $module.ModuleBase 'netstandard2.0' 'BackpropPS.dll'
        $output = Invoke-FreshPwsh ("Import-Module '$dll'; [BackpropPS.Core.Kernels.Engine]::Build; " +
            "(New-BackpropNetwork -Example StepByStep | Invoke-BackpropForward -Input 0.05, 0.10 | Get-BackpropGradient -Target 0.01, 0.99).Loss.ToString('R')")
        $output[0] | Should -Be 'netstandard2.0'
        Assert-Close ([double]$output[1]) 0.298371108760003 -Tolerance 1e-12
    }

    It 'finds the help of cmdlets that live in a build folder' {
        (Get-Help New-BackpropNetwork).Description | Should -Not -BeNullOrEmpty
    }

    It 'shares PowerShell''s own Newtonsoft.Json rather than loading a second copy' {
        @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'Newtonsoft.Json' }).Count | Should -Be 1
    }

    It 'declares an output type on every cmdlet' {
        foreach ($command in Get-Command -Module BackpropPS) {
            $command.OutputType | Should -Not -BeNullOrEmpty -Because $command.Name
        }
    }

    It 'uses approved verbs and the Backprop noun prefix' {
        $approved = (Get-Verb).Verb
        foreach ($command in Get-Command -Module BackpropPS) {
            $approved | Should -Contain $command.Verb
            $command.Noun | Should -BeLike 'Backprop*'
        }
    }
}

Describe 'Default views' {
    BeforeAll {
        $script:net = New-BackpropNetwork -Example StepByStep
        $script:fwd = $net | Invoke-BackpropForward -Input 0.05, 0.10
        $script:grad = $fwd | Get-BackpropGradient -Target 0.01, 0.99

        # What the prompt of a 120-column console shows: the lines that are not blank, trailing spaces cut.
        function script:Show([object[]] $InputObject) {
            @(($InputObject | Out-String -Width 120) -split '\r?\n' | ForEach-Object TrimEnd | Where-Object { $_ })
        }

        # A report as Measure-BackpropAccuracy makes one, with <Count> records of each label, <Wrong> of them
        # taken for the next label.
        function script:New-Report([string[]] $Labels, [int] $Count, [int] $Wrong) {
            $rows = [System.Collections.Generic.List[psobject]]::new()
            for ($a = 0; $a -lt $Labels.Count; $a++) {
                $row = [ordered]@{ Actual = $Labels[$a] }
                for ($p = 0; $p -lt $Labels.Count; $p++) {
                    $row[$Labels[$p]] = if ($p -eq $a) { $Count - $Wrong } elseif ($p -eq ($a + 1) % $Labels.Count) { $Wrong } else { 0 }
                }
                $row.Total = $Count
                $row.Recall = ($Count - $Wrong) / $Count
                $object = [pscustomobject]$row
                $object.PSObject.TypeNames.Insert(0, 'BackpropPS.ConfusionMatrixRow')
                $rows.Add($object)
            }
            [BackpropPS.AccuracyReport]::new($Labels.Count * ($Count - $Wrong), $Labels.Count * $Count, $Labels, $rows)
        }
    }

    It 'shows a network as a table with its shape' {
        $text = $net | Out-String
        $text | Should -Match 'Shape'
        $text | Should -Match '2-2-2'
    }

    It 'tells a network from the one after a step: the same shape, another fingerprint' {
        $next = $grad | Update-BackpropNetwork -LearningRate 0.5
        $lines = Show $net, $next
        $lines[0] | Should -Match '^Shape\s+Activation\s+Bias\s+Parameters\s+Fingerprint$'
        $lines[2] | Should -Match '^2-2-2 .* 10 c3f4c49b$'
        $lines[3] | Should -Match '^2-2-2 .* 10 [0-9a-f]{8}$'
        $lines[3] | Should -Not -Be $lines[2]
        $next.Fingerprint | Should -Be ($lines[3] -split ' ')[-1]
        # The same network from its file, and from another seed's weights.
        ($net | ConvertTo-BackpropJson | ConvertFrom-BackpropJson).Fingerprint | Should -Be 'c3f4c49b'
        (New-BackpropNetwork 2, 2, 2 -Seed 1).Fingerprint | Should -Not -Be (New-BackpropNetwork 2, 2, 2 -Seed 2).Fingerprint
    }

    It 'shows a forward pass with every layer''s z and a' {
        $text = $fwd | Out-String -Width 200
        $text | Should -Match 'z1 = 0\.3775, 0\.3925'
        $text | Should -Match 'a2 = 0\.75136506955'
    }

    It 'shows a gradient with its loss and deltas' {
        $text = $grad | Out-String -Width 200
        $text | Should -Match 'Loss\s+: 0\.29837110876'
        $text | Should -Match 'delta2 = 0\.13849856162'
    }

    It 'shows gradient factors with the product that makes each gradient and the reason, value included' {
        $step = $net | Invoke-BackpropStep -Input 0.05, 0.10 -Target 0.01, 0.99 -LearningRate 0.5
        $lines = Show ($step | Get-BackpropGradientFactor -Smallest 1)
        $lines[0] | Should -Match '^Name\s+Gradient\s+Gradient is\s+Reason$'
        $lines[2] | Should -Be 'w1_11 0.000439 0.0364 * 0.241 * 0.05 the input activation = 0.05, 0.144 times its typical size 0.347'
        $lines.Count | Should -Be 3
    }

    It 'shows a Softmax layer''s factors as its delta times the input' {
        $softmax = New-BackpropNetwork 2, 3 -Activation Softmax -Seed 1
        $step = $softmax | Invoke-BackpropStep -Input 0.5, -1 -Target 0, 1, 0 -LearningRate 0.1
        $lines = Show ($step | Get-BackpropGradientFactor)
        $lines.Count | Should -Be 8
        $lines[2..7] | ForEach-Object { $_ | Should -Match '^w1_\d\d +-?[\d.e-]+ delta -?[\d.e-]+ \* -?[\d.]+ +the ' }
    }

    Context 'Confusion matrices' {
        BeforeAll {
            $digits = New-BackpropNetwork -LayerSize 64, 32, 10 -Activation ReLU, Softmax -Seed 1
            $run = Get-BackpropDataset Digits -Split Train -Seed 1 | Invoke-BackpropTraining -Network $digits -Optimizer Adam -LearningRate 0.01 -Epochs 30 -BatchSize 32 -Shuffle -Seed 1
            $script:report = Get-BackpropDataset Digits -Split Test -Seed 1 | Measure-BackpropAccuracy -Network $run[-1].Network
        }

        It 'shows all 10 digits, Total and Recall of a 10-class report, in 120 columns' {
            $lines = Show $report
            $lines[0] | Should -Be 'Accuracy : 98.89 % (355 of 359)'
            $lines[2] | Should -Match '^Actual +0 +1 +2 +3 +4 +5 +6 +7 +8 +9 +Total +Recall$'
            $rows = $lines | Where-Object { $_ -match '^\d ' }
            $rows.Count | Should -Be 10
            foreach ($row in $rows) { ($row -split ' +').Count | Should -Be 14 -Because "'$row' has the label, 10 counts, Total and Recall (2 words)" }
            $rows[9] | Should -Match '^9 +0 +0 +0 +0 +0 +1 +0 +0 +0 +41 +42 +97\.6 %$'
            $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 120 }
        }

        It 'shows each row of the matrix with what its records were predicted as' {
            $lines = Show $report.ConfusionMatrix
            $lines[0] | Should -Match '^Actual\s+Total\s+Recall\s+Predicted as$'
            $lines.Count | Should -Be 12
            $lines | Should -Contain '4         48  97.9 % 4: 47, 1: 1'
            $lines | Should -Contain '9         42  97.6 % 9: 41, 5: 1'
            # Every column is still there for Export-Csv.
            ($report.ConfusionMatrix | ConvertTo-Csv)[0] | Should -Be '"Actual","0","1","2","3","4","5","6","7","8","9","Total","Recall"'
        }

        It 'prints a report and its rows back from Clixml as it printed them' {
            $path = Join-Path $TestDrive 'report.xml'
            $report | Export-Clixml $path
            $back = Import-Clixml $path
            Show $back | Should -Be (Show $report)
            Show $back.ConfusionMatrix | Should -Be (Show $report.ConfusionMatrix)
        }

        It 'shows the 10 Fashion-MNIST classes as a grid in 120 columns' {
            $labels = 'T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'
            $lines = Show (New-Report $labels 1000 120)
            $lines[2] | Should -Match '^Actual +T-shirt/top +Trouser .* +Bag +Ankle boot +Total +Recall$'
            $lines | Should -Contain 'Ankle boot          120       0        0     0    0      0     0       0   0        880  1000 88.0 %'
            $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 120 }
        }

        It 'shows a line per actual class when the grid would not fit in 120 columns, and says so' {
            $labels = 1..30 | ForEach-Object { 'class{0:00}' -f $_ }
            $lines = Show (New-Report $labels 500 20)
            $lines[1] | Should -Match '^ConfusionMatrix: a grid of 30 classes would be wider than 120 columns'
            $lines | Should -Contain 'class30   500 96.0 % class30: 480, class01: 20'
            @($lines | Where-Object { $_ -match '^class\d\d ' }).Count | Should -Be 30
            $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 120 }
        }

        It 'wraps a long list of predictions at 120 columns, never cutting a label' {
            $labels = 1..30 | ForEach-Object { 'class{0:00}' -f $_ }
            $report = New-Report $labels 500 20
            foreach ($row in $report.ConfusionMatrix) { foreach ($label in $labels) { if ($row.$label -eq 0) { $row.$label = 1 } } }
            $lines = Show $report
            $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 120 }
            $text = $lines -join "`n"
            foreach ($label in $labels) { ([regex]::Matches($text, "$($label): ")).Count | Should -Be 30 -Because "every row names $label" }
        }

        It 'shows a report of no records' {
            $empty = [BackpropPS.AccuracyReport]::new(0, 0, [string[]]('a', 'b'), [System.Collections.Generic.List[psobject]]::new())
            Show $empty | Should -Be 'Accuracy : none (no record measured)'
        }
    }

    It 'shows sweep rows as a table, each run''s settings in one column' {
        $xor = @{ Input = (@(0, 0), @(0, 1), @(1, 0), @(1, 1)); Target = 0, 1, 1, 0; Epochs = 2; BatchSize = 0 }
        $grid = [ordered]@{ Optimizer = 'Sgd', 'Momentum', 'Adam'; LearningRate = 0.1 }
        $rows = Invoke-BackpropSweep -Network (New-BackpropNetwork 2, 4, 1 -Activation Tanh, Sigmoid -Seed 2) -Grid $grid -Parameters $xor -ThrottleLimit 2
        $lines = Show $rows
        $lines[0] | Should -Match '^ +Run +Epoch +Loss +ValidationLoss +Accuracy +ValidationAccuracy +Settings$'
        $lines.Count | Should -Be 8
        $lines[2] | Should -Match '^ +1 +1 +0\.125252 +50\.0 % +Optimizer=Sgd, LearningRate=0\.1$'
        $lines[7] | Should -Match '^ +3 +2 +[\d.]+ +\d+\.\d % +Optimizer=Adam, LearningRate=0\.1$'
        # Back from Clixml, the same.
        $path = Join-Path $TestDrive 'rows.xml'
        $rows | Export-Clixml $path
        Show (Import-Clixml $path) | Should -Be $lines
    }

    It 'shows numbers in the invariant culture whatever the session''s culture' {
        $step = $net | Invoke-BackpropStep -Input 0.05, 0.10 -Target 0.01, 0.99 -LearningRate 0.5
        $report = Get-BackpropDataset Moons -Count 40 -Noise 0.1 -Seed 1 | Measure-BackpropAccuracy -Network (New-BackpropNetwork 2, 1 -Activation Sigmoid -Seed 3) -InputColumn x1, x2 -TargetColumn label
        $rows = Invoke-BackpropSweep -Network (New-BackpropNetwork 2, 1 -Activation Sigmoid -Seed 3) -Grid @{ LearningRate = 0.25 } -Parameters @{ Input = @(0, 0), @(1, 1); Target = 0, 1; Epochs = 1 }
        $before = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = 'de-DE'
            $shown = (Show ($step | Get-BackpropGradientFactor)) + (Show $report) + (Show $report.ConfusionMatrix) + (Show $rows)
        }
        finally { [cultureinfo]::CurrentCulture = $before }
        $shown -join "`n" | Should -Not -Match '\d,\d'
        $shown -join "`n" | Should -Match 'LearningRate=0\.25'
        $shown -join "`n" | Should -Match '\d\.\d %'
    }
}
