# Export-BackpropGradientFlowChart: one line per layer (and per run) of -GradientFlow rows, live or from CSV, log and linear scales, and the Export-* file rules.
BeforeAll {
    Import-Module BackpropPS -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    function script:Read-Svg([string] $Path) { [xml](Get-Content -Raw -LiteralPath $Path) }
    # The texts, legend entries without their final value ("Layer 1 (final 0.0123)" as "Layer 1").
    function script:Get-SvgText([xml] $Svg) { @($Svg.SelectNodes("//*[local-name()='text']") | ForEach-Object { $_.InnerText -replace ' \(final [^)]*\)$' }) }
    $script:moons = Get-BackpropDataset Moons -Count 60 -Seed 2 -AsDataset
    $script:mixed = New-BackpropNetwork 2, 5, 4, 1 -Activation Tanh, ReLU, Sigmoid -Seed 3
}

Describe 'Export-BackpropGradientFlowChart' {
    BeforeAll {
        $script:sigmoidRun = Invoke-DeepRun Sigmoid -Epochs 5
        $script:reluRun = Invoke-DeepRun ReLU -Epochs 5
    }

    It 'draws one line per layer on a log scale from the epochs of a run' {
        $path = Join-Path $TestDrive 'flow.svg'
        $file = $sigmoidRun | Export-BackpropGradientFlowChart -Path $path -PassThru
        $file | Should -BeOfType System.IO.FileInfo
        $svg = Read-Svg $path
        $svg.DocumentElement.LocalName | Should -Be 'svg'
        $text = Get-SvgText $svg
        $text | Should -Contain 'Weight gradient norm per layer'
        $text | Should -Contain 'Weight gradient norm (log scale)'
        foreach ($l in 1..7) { $text | Should -Contain "Layer $l" }
        $text | Should -Not -Contain 'Layer 8'
        # Each line's legend entry ends with its last value, which the line cannot show to three digits.
        $norm = $sigmoidRun[-1].GradientFlow[0].GradientNorm
        $last = $norm.ToString($(if ($norm -ge 1e-4) { 'G3' } else { '0.##E+0' }), [cultureinfo]::InvariantCulture)
        $svg.SelectNodes("//*[local-name()='text']").InnerText | Should -Contain "Layer 1 (final $last)"
    }

    It 'draws the rows of two runs read back with Import-Csv, one line per run and layer' {
        $csv = Join-Path $TestDrive 'two.csv'
        @($sigmoidRun.GradientFlow) + @($reluRun.GradientFlow) | Where-Object Layer -in 1, 7 | Export-Csv -LiteralPath $csv
        $path = Join-Path $TestDrive 'two.svg'
        Import-Csv -LiteralPath $csv | Export-BackpropGradientFlowChart -LiteralPath $path -Measure UpdateRatio -Title 'Sigmoid against ReLU'
        $text = Get-SvgText (Read-Svg $path)
        $text | Should -Contain 'Sigmoid against ReLU'
        $text | Should -Contain 'Update / weight norm (log scale)'
        # Runs of one shape are named by their activations only.
        $text | Should -Contain 'Sigmoid: layer 1'
        $text | Should -Contain 'ReLU/Sigmoid: layer 7'
        $text | Should -Not -Contain 'ReLU/Sigmoid: layer 4'
        # Runs of different shapes keep the whole run name.
        $small = $moons | Invoke-BackpropTraining -Network $mixed -Epochs 3 -GradientFlow
        $path = Join-Path $TestDrive 'shapes.svg'
        @($small.GradientFlow) + @(Import-Csv -LiteralPath $csv) | Export-BackpropGradientFlowChart -Path $path
        $text = Get-SvgText (Read-Svg $path)
        $text | Should -Contain '2-5-4-1 Tanh/ReLU/Sigmoid: layer 3'
        $text | Should -Contain '2-8-8-8-8-8-8-1 Sigmoid: layer 1'
        $text | Should -Contain '2-8-8-8-8-8-8-1 ReLU/Sigmoid: layer 7'
    }

    It 'draws shares on a linear scale, and says when no row has the measure' {
        $path = Join-Path $TestDrive 'dead.svg'
        $reluRun | Export-BackpropGradientFlowChart -Path $path -Measure DeadShare
        $text = Get-SvgText (Read-Svg $path)
        $text | Should -Contain 'Dead ReLU share'
        $text | Should -Not -Contain 'Layer 7'
        $e = Get-ErrorRecord { $sigmoidRun | Export-BackpropGradientFlowChart -Path (Join-Path $TestDrive 'none.svg') -Measure DeadShare } 'NoGradientFlowData' 'InvalidData'
        $e.Exception.Message | Should -BeLike '*ReLU layers only*'
        Test-Path (Join-Path $TestDrive 'none.svg') | Should -BeFalse
    }

    It 'leaves out, with a warning, a value a log scale cannot show' {
        $rows = $sigmoidRun.GradientFlow | Select-Object Run, Epoch, Layer, GradientNorm
        $rows[0].GradientNorm = 0
        $path = Join-Path $TestDrive 'zero.svg'
        $rows | Export-BackpropGradientFlowChart -Path $path -WarningVariable warned 3>$null
        $warned.Count | Should -Be 1
        "$warned" | Should -BeLike '1 values of GradientNorm left out*-LinearScale*'
        Test-Path $path | Should -BeTrue
    }

    It 'says a NaN or an infinity is not a finite number, not that it is 0 or below' {
        $rows = $sigmoidRun.GradientFlow | Select-Object Run, Epoch, Layer, GradientNorm
        $rows[0].GradientNorm = [double]::NaN
        $rows[1].GradientNorm = 'Infinity'
        $rows | Export-BackpropGradientFlowChart -Path (Join-Path $TestDrive 'nan.svg') -WarningVariable warned 3>$null
        "$warned" | Should -Be '2 values of GradientNorm left out: they are not finite numbers (NaN or infinity).'
    }

    It 'reports an epoch trained without -GradientFlow and a row without a number, and draws the rest' {
        $plain = $moons | Invoke-BackpropTraining -Network $mixed -Epochs 1
        $path = Join-Path $TestDrive 'mixed.svg'
        $bad = [pscustomobject]@{ Epoch = 'x'; Layer = 1; GradientNorm = 1 }
        $errors = @()
        @($plain) + @($sigmoidRun[0]) + @($bad) | Export-BackpropGradientFlowChart -Path $path -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors.FullyQualifiedErrorId | Should -Be 'NoGradientFlow,BackpropPS.Commands.ExportBackpropGradientFlowChartCommand', 'InvalidGradientFlowRecord,BackpropPS.Commands.ExportBackpropGradientFlowChartCommand'
        Test-Path $path | Should -BeTrue
    }

    It 'follows the Export-* file rules: .svg only, -NoClobber to keep a file, nothing with -WhatIf' {
        $path = Join-Path $TestDrive 'rules.svg'
        Get-ErrorRecord { $sigmoidRun | Export-BackpropGradientFlowChart -Path (Join-Path $TestDrive 'flow.png') } 'UnsupportedImageFormat' 'InvalidArgument'
        $sigmoidRun | Export-BackpropGradientFlowChart -Path $path -WhatIf
        Test-Path $path | Should -BeFalse
        $sigmoidRun | Export-BackpropGradientFlowChart -Path $path
        Get-ErrorRecord { $sigmoidRun | Export-BackpropGradientFlowChart -Path $path -NoClobber } 'ImageFileExists' 'ResourceExists'
        $reluRun | Export-BackpropGradientFlowChart -Path $path
        Get-SvgText (Read-Svg $path) | Should -Contain 'Layer 7'
    }
}
