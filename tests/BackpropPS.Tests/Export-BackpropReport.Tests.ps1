# Export-BackpropReport: a step page and a run page, self-contained; the Export-* file rules; the errors of what came.
# What the pages do in a browser is tested in headless Chromium (tests/BackpropPS.Browser.Tests).
BeforeAll {
    Import-Module BackpropPS -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:step = New-BackpropNetwork -Example StepByStep | Invoke-BackpropStep -Input 0.05, 0.10 -Target 0.01, 0.99 -LearningRate 0.5
    $script:xor = Get-BackpropDataset Xor -AsDataset
    $script:run = $xor | Invoke-BackpropTraining -Network (New-BackpropNetwork 2, 3, 1 -Activation Tanh, Sigmoid -Seed 1) -Epochs 12 -BatchSize 0 -GradientFlow
    function Get-PageData([string] $Path) {
        $html = Get-Content -Raw -LiteralPath $Path
        [regex]::Match($html, '(?s)<script type="application/json" id="report-data">(.*?)</script>').Groups[1].Value | ConvertFrom-Json
    }
}

Describe 'A step page' {
    It 'holds the step, every trace row as Get-BackpropParameter gives it, and nothing to load' {
        $path = Join-Path $TestDrive 'seed.html'
        $file = $step | Export-BackpropReport -Path $path -PassThru
        $file.FullName | Should -Be $path
        $html = Get-Content -Raw $path
        $html | Should -Match '^<!DOCTYPE html>'
        # No element that fetches: every src, href and url() is absent; the CSP forbids any other source.
        $html | Should -Not -Match '(?i)\s(src|href)\s*='
        $html | Should -Not -Match '(?i)url\('
        $html | Should -Match "default-src 'none'"
        $data = Get-PageData $path
        $data.kind | Should -Be 'step'
        $data.steps[0].loss | Should -Be $step.Loss
        $trace = $step | Get-BackpropParameter
        $data.steps[0].trace.Count | Should -Be $trace.Count
        for ($i = 0; $i -lt $trace.Count; $i++) {
            $row = $data.steps[0].trace[$i]
            $row[0] | Should -Be $trace[$i].Name
            [double]$row[$data.traceColumns.IndexOf('New')] | Should -Be $trace[$i].New
            [double]$row[$data.traceColumns.IndexOf('Gradient')] | Should -Be $trace[$i].Gradient
        }
        # The palette of the pictures.
        $data.colours.positive | Should -Be ([BackpropPS.Core.Pictures.PictureColours]::Positive)
        $data.colours.negative | Should -Be ([BackpropPS.Core.Pictures.PictureColours]::Negative)
    }

    It 'writes numbers round-trip and invariant whatever the culture' {
        $path = Join-Path $TestDrive 'de.html'
        $culture = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = 'de-DE'
            $step | Export-BackpropReport -Path $path
        }
        finally { [cultureinfo]::CurrentCulture = $culture }
        Get-Content -Raw $path | Should -Match '"loss":0\.2983711087600027[,}]'
    }

    It 'keeps the title as text, never as markup' {
        $path = Join-Path $TestDrive 'title.html'
        $step | Export-BackpropReport -Path $path -Title '<script>alert(1)</script> & more'
        $html = Get-Content -Raw $path
        $html | Should -Match '<h1>&lt;script&gt;alert\(1\)&lt;/script&gt; &amp; more</h1>'
    }

    It 'keeps at most 1000 of many steps, the first and the last among them' {
        $net = New-BackpropNetwork 1, 1 -Activation Linear -Seed 1
        $steps = foreach ($k in 1..1500) { $s = $net | Invoke-BackpropStep -Input 1 -Target 0 -LearningRate 0.01; $net = $s.After; $s }
        $path = Join-Path $TestDrive 'many.html'
        $steps | Export-BackpropReport -Path $path
        $data = Get-PageData $path
        $data.stepCount | Should -Be 1500
        $data.steps.Count | Should -Be 1000
        $data.steps[0].number | Should -Be 1
        $data.steps[-1].number | Should -Be 1500
        $data.steps[-1].loss | Should -Be $steps[-1].Loss
    }

    It 'refuses a network too large to draw: ReportNetworkTooLarge' {
        $big = New-BackpropNetwork 40, 30, 2 -Seed 1 | Invoke-BackpropStep -Input (1..40) -Target 0, 1 -LearningRate 0.1
        $path = Join-Path $TestDrive 'big.html'
        $e = Get-ErrorRecord { $big | Export-BackpropReport -Path $path } 'ReportNetworkTooLarge' 'LimitsExceeded'
        $e.Exception.Message | Should -BeLike '*at most 1,000*1,292*'
        Test-Path $path | Should -BeFalse
    }

    It 'refuses -Dataset: DatasetNotForSteps' {
        Get-ErrorRecord { $step | Export-BackpropReport -Path (Join-Path $TestDrive 'd.html') -Dataset $xor } 'DatasetNotForSteps' 'InvalidArgument'
        Test-Path (Join-Path $TestDrive 'd.html') | Should -BeFalse
    }
}

Describe 'A run page' {
    It 'keeps every epoch, the weights, the boundary with the data, and the gradient flow' {
        $path = Join-Path $TestDrive 'run.html'
        $run | Export-BackpropReport -Path $path -Dataset $xor
        $data = Get-PageData $path
        $data.kind | Should -Be 'run'
        $data.epochs.epoch | Should -Be (1..12)
        $data.epochs.loss | Should -Be $run.Loss
        $data.snapshots.Count | Should -Be 12
        $data.snapshots[4].layers[0].weights[2] | Should -Be $run[4].Network.Layers[0].Weights.GetRow(2)
        $data.boundary.x.Count | Should -Be 4
        $data.boundary.label | Should -Be 0, 1, 1, 0
        $data.flow.layers.Count | Should -Be 2
        $data.flow.layers[0].gradientNorm | Should -Be ($run | ForEach-Object { $_.GradientFlow[0].GradientNorm })
    }

    It 'has no boundary without -Dataset, and no gradient flow when the run recorded none' {
        $plain = $xor | Invoke-BackpropTraining -Network (New-BackpropNetwork 2, 3, 1 -Seed 1) -Epochs 3 -BatchSize 0
        $path = Join-Path $TestDrive 'plain.html'
        $plain | Export-BackpropReport -Path $path
        $data = Get-PageData $path
        $data.PSObject.Properties.Name | Should -Not -Contain 'boundary'
        $data.PSObject.Properties.Name | Should -Not -Contain 'flow'
    }

    It 'keeps a large layer as an 8-bit image and samples the epochs it keeps weights of' {
        $wide = New-BackpropNetwork 100, 50, 2 -Activation ReLU, Softmax -Seed 1
        $inputs = [Collections.Generic.List[double[]]]::new(); $targets = [Collections.Generic.List[double[]]]::new()
        for ($i = 1; $i -le 20; $i++) {
            $row = [double[]]::new(100)
            for ($j = 0; $j -lt 100; $j++) { $row[$j] = (($j + 1) * $i % 7) / 7 }
            $inputs.Add($row); $targets.Add([double[]]@(($i % 2), (1 - $i % 2)))
        }
        $long = Invoke-BackpropTraining -Network $wide -Input $inputs.ToArray() -Target $targets.ToArray() -Loss CrossEntropy -Epochs 300 -BatchSize 0
        $path = Join-Path $TestDrive 'wide.html'
        $long | Export-BackpropReport -Path $path
        $data = Get-PageData $path
        $data.epochs.loss.Count | Should -Be 300
        $data.snapshots.Count | Should -Be 200
        $data.snapshots[0].epoch | Should -Be 1
        $data.snapshots[-1].epoch | Should -Be 300
        $layer = $data.snapshots[-1].layers[0]
        $layer.PSObject.Properties.Name | Should -Not -Contain 'weights'
        [Convert]::FromBase64String($layer.image).Count | Should -Be 5000
        $weights = $long[-1].Network.Layers[0].Weights
        $layer.largest | Should -Be ([Linq.Enumerable]::Max([double[]]@($weights | ForEach-Object { [math]::Abs($_) })))
        $data.snapshots[-1].layers[1].weights.Count | Should -Be 2
    }

    It 'refuses the rows of two runs: MixedReportInput' {
        $other = $xor | Invoke-BackpropTraining -Network (New-BackpropNetwork 2, 3, 1 -Seed 2) -Epochs 2 -BatchSize 0
        $path = Join-Path $TestDrive 'two.html'
        Get-ErrorRecord { $run + $other | Export-BackpropReport -Path $path } 'MixedReportInput' 'InvalidData'
        Test-Path $path | Should -BeFalse
    }

    It 'takes rows back from Clixml' {
        $xml = Join-Path $TestDrive 'run.xml'
        $run | Export-Clixml $xml
        $path = Join-Path $TestDrive 'back.html'
        Import-Clixml $xml | Export-BackpropReport -Path $path
        (Get-PageData $path).epochs.loss | Should -Be $run.Loss
    }
}

Describe 'What comes down the pipeline' {
    It 'refuses steps and epoch rows together: MixedReportInput' {
        $path = Join-Path $TestDrive 'mixed.html'
        Get-ErrorRecord { $run[0], $step | Export-BackpropReport -Path $path } 'MixedReportInput' 'InvalidData'
        Test-Path $path | Should -BeFalse
    }

    It 'refuses anything else: UnsupportedReportInput' {
        $path = Join-Path $TestDrive 'other.html'
        $e = Get-ErrorRecord { 'text' | Export-BackpropReport -Path $path } 'UnsupportedReportInput' 'InvalidType'
        $e.Exception.Message | Should -BeLike "*training steps*epoch rows*got*text*"
        Test-Path $path | Should -BeFalse
    }

    It 'refuses a sweep''s rows, saying which row and how to see that run as a page' {
        $path = Join-Path $TestDrive 'sweep.html'
        $sweep = Invoke-BackpropSweep -Network (New-BackpropNetwork 2, 2, 1 -Seed 1) -Grid @{ LearningRate = 0.1, 0.5 } -Parameters @{ Input = (@(0, 0), @(1, 1)); Target = 0, 1; Epochs = 2 }
        $e = Get-ErrorRecord { $sweep | Export-BackpropReport -Path $path } 'UnsupportedReportInput' 'InvalidType'
        $e.Exception.Message | Should -BeLike '*got a sweep row (run 1, epoch 1)*Invoke-BackpropTraining*'
        Test-Path $path | Should -BeFalse
    }

    It 'refuses nothing at all: EmptyReport' {
        $path = Join-Path $TestDrive 'empty.html'
        Get-ErrorRecord { @() | Export-BackpropReport -Path $path } 'EmptyReport' 'InvalidData'
        Test-Path $path | Should -BeFalse
    }
}

Describe 'The file rules' {
    It 'writes .html only: UnsupportedReportFormat' {
        $path = Join-Path $TestDrive 'page.svg'
        Get-ErrorRecord { $step | Export-BackpropReport -Path $path } 'UnsupportedReportFormat' 'InvalidArgument'
        Test-Path $path | Should -BeFalse
        $step | Export-BackpropReport -Path (Join-Path $TestDrive 'page.HTM')
        Test-Path (Join-Path $TestDrive 'page.HTM') | Should -BeTrue
    }

    It 'replaces a file, keeps it with -NoClobber, a read-only one only with -Force, and writes nothing with -WhatIf' {
        $path = Join-Path $TestDrive 'rules[1].html'
        Set-Content -LiteralPath $path -Value 'old'
        $step | Export-BackpropReport -LiteralPath $path
        Get-Content -LiteralPath $path -TotalCount 1 | Should -Be '<!DOCTYPE html>'
        Set-Content -LiteralPath $path -Value 'old'
        Get-ErrorRecord { $step | Export-BackpropReport -LiteralPath $path -NoClobber } 'ReportFileExists' 'ResourceExists'
        Get-Content -LiteralPath $path | Should -Be 'old'
        Set-ItemProperty -LiteralPath $path -Name IsReadOnly -Value $true
        Get-ErrorRecord { $step | Export-BackpropReport -LiteralPath $path } 'ReportFileReadOnly' 'PermissionDenied'
        $step | Export-BackpropReport -LiteralPath $path -Force
        (Get-Item -LiteralPath $path).IsReadOnly | Should -BeTrue
        Get-Content -LiteralPath $path -TotalCount 1 | Should -Be '<!DOCTYPE html>'
        Set-ItemProperty -LiteralPath $path -Name IsReadOnly -Value $false
        $whatIf = Join-Path $TestDrive 'whatif.html'
        $step | Export-BackpropReport -Path $whatIf -WhatIf
        Test-Path $whatIf | Should -BeFalse
    }
}
