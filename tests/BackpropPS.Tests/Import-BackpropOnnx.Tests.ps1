# Import-BackpropOnnx: models PyTorch exported (tests/fixtures/onnx, made by make_fixtures.py) read as networks whose
# steps give autograd's gradients, that every cmdlet takes; paths, wildcards and files that are no network's model.
BeforeAll {
    Import-Module BackpropPS -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:fixtures = Join-Path $PSScriptRoot '../fixtures/onnx'
    function script:Get-Recorded([string] $Name) { Get-Content -Raw (Join-Path $fixtures "$Name.json") | ConvertFrom-Json }
    function script:Get-Flat($Value) { @($Value | ForEach-Object { $_ }) }
    # Relative to the largest value of the quantity, as in the xunit tests: PyTorch summed in another order.
    function script:Assert-Agrees($Actual, $Expected, [string] $What) {
        $expected = Get-Flat $Expected
        $actual = Get-Flat $Actual
        $actual.Count | Should -Be $expected.Count -Because $What
        $scale = ($expected | ForEach-Object { [math]::Abs($_) } | Measure-Object -Maximum).Maximum
        for ($k = 0; $k -lt $expected.Count; $k++) { Assert-Close $actual[$k] $expected[$k] (1e-12 * $scale) -Because "$What[$k]" }
    }
}

Describe 'A model PyTorch exported' {
    It 'takes a step whose outputs, loss and gradients are autograd''s: <Name>' -ForEach @(
        @{ Name = 'iris_tanh_softmax_gemm'; Shape = '4-8-3' }
        @{ Name = 'relu_leaky_sigmoid_matmul'; Shape = '3-5-4-2' }
        @{ Name = 'nobias_sigmoid_linear_float64'; Shape = '2-3-1' }
    ) {
        $recorded = Get-Recorded $Name
        $net = Import-BackpropOnnx (Join-Path $fixtures "$Name.onnx")
        $net.Shape | Should -Be $Shape
        $step = $net | Invoke-BackpropStep -Input $recorded.input -Target $recorded.target -Loss $recorded.loss_function -LearningRate 0.1
        Assert-Agrees $step.Output.ToArray() $recorded.output 'output'
        Assert-Agrees $step.Loss $recorded.loss 'loss'
        for ($l = 0; $l -lt $recorded.layers.Count; $l++) {
            Assert-Agrees $step.Gradient.WeightGradient[$l].ToArray() $recorded.layers[$l].weight_gradient "layer $($l + 1) weight gradient"
            if ($null -ne $recorded.layers[$l].bias_gradient) {
                Assert-Agrees $step.Gradient.BiasGradient[$l].ToArray() $recorded.layers[$l].bias_gradient "layer $($l + 1) bias gradient"
            }
        }
    }

    It 'works with the other cmdlets: forward, gradient check, factors, diagram, training on, JSON' {
        $net = Import-BackpropOnnx (Join-Path $fixtures 'iris_tanh_softmax_gemm.onnx')
        $net.Layers.Activation | Should -Be 'Tanh', 'Softmax'
        ($net | Invoke-BackpropForward -Input 5.1, 3.5, 1.4, 0.2).Output.Count | Should -Be 3
        $net | Test-BackpropGradient -Input 5.1, 3.5, 1.4, 0.2 -Target 1, 0, 0 -Loss CrossEntropy -Quiet | Should -BeTrue
        $step = $net | Invoke-BackpropStep -Input 6.3, 3.3, 6.0, 2.5 -Target 0, 0, 1 -LearningRate 0.1
        @($step | Get-BackpropGradientFactor -Smallest 1).Count | Should -Be 1
        $step | Export-BackpropDiagram -Path (Join-Path $TestDrive 'step.svg')
        Test-Path (Join-Path $TestDrive 'step.svg') | Should -BeTrue
        $iris = Get-BackpropDataset Iris
        $run = $iris | Invoke-BackpropTraining -Network $net -TargetColumn species -Epochs 5 -Seed 1 -Optimizer Adam -LearningRate 0.01
        $run[-1].Loss | Should -BeLessThan $run[0].Loss
        (($net | ConvertTo-BackpropJson) | ConvertFrom-BackpropJson).Shape | Should -Be '4-8-3'
    }

    It 'reads its one-sample MatMul form: weights stored transposed, a 1-D input' {
        $net = Import-BackpropOnnx (Join-Path $fixtures 'relu_leaky_sigmoid_matmul.onnx')
        $recorded = Get-Recorded 'relu_leaky_sigmoid_matmul'
        $net.Layers.Activation | Should -Be 'ReLU', 'LeakyReLU', 'Sigmoid'
        ConvertTo-BitPattern $net.Layers[0].Weights.ToArray() | Should -Be (ConvertTo-BitPattern (Get-Flat $recorded.layers[0].weight))
    }

    It 'refuses an activation the module does not have, naming the node and the operator' {
        $e = Get-ErrorRecord { Import-BackpropOnnx (Join-Path $fixtures 'elu_refused.onnx') } 'UnsupportedOnnxOperator' 'InvalidData'
        $e.Exception.Message | Should -BeLike "*elu_refused.onnx: node '/1/Elu' (Elu) has no counterpart in a network of the module*"
    }
}

Describe 'Files Import-BackpropOnnx reads' {
    BeforeAll {
        Push-Location $TestDrive
        New-BackpropNetwork -Example StepByStep | Export-BackpropOnnx -Path ./seed.onnx
        New-BackpropNetwork 3, 2 -Seed 1 | Export-BackpropOnnx -Path ./small.onnx
    }
    AfterAll { Pop-Location }

    It 'reads every file a wildcard matches, and files piped from Get-ChildItem' {
        (Import-BackpropOnnx ./*.onnx).Shape | Should -Be '2-2-2', '3-2'
        (Get-ChildItem ./*.onnx | Import-BackpropOnnx).Count | Should -Be 2
        Import-BackpropOnnx ./nothing*.onnx | Should -BeNullOrEmpty
    }

    It 'reports a missing file and reads the others' {
        $read = Import-BackpropOnnx ./missing.onnx, ./seed.onnx -ErrorAction SilentlyContinue -ErrorVariable problems
        $read.Shape | Should -Be '2-2-2'
        $problems.FullyQualifiedErrorId | Should -Be 'OnnxFileNotFound,BackpropPS.Commands.ImportBackpropOnnxCommand'
    }

    It 'refuses a file that is no ONNX model: text, a network file, a truncated model, a folder' {
        Set-Content ./text.onnx 'hello'
        (Get-ErrorRecord { Import-BackpropOnnx ./text.onnx } 'InvalidOnnxFile' 'InvalidData').Exception.Message | Should -BeLike '*text.onnx is not an ONNX model*'
        New-BackpropNetwork -Example StepByStep | Export-BackpropNetwork -Path ./net.json
        Get-ErrorRecord { Import-BackpropOnnx ./net.json } 'InvalidOnnxFile' 'InvalidData' | Out-Null
        $bytes = [IO.File]::ReadAllBytes((Join-Path $TestDrive 'seed.onnx'))
        [IO.File]::WriteAllBytes((Join-Path $TestDrive 'cut.onnx'), $bytes[0..($bytes.Length / 2)])
        Get-ErrorRecord { Import-BackpropOnnx ./cut.onnx } 'InvalidOnnxFile' 'InvalidData' | Out-Null
        New-Item -ItemType Directory ./folder.onnx | Out-Null
        Get-ErrorRecord { Import-BackpropOnnx -LiteralPath ./folder.onnx } 'PathIsDirectory' | Out-Null
    }

    It 'does not open a named pipe' -Skip:$IsWindows {
        & mkfifo (Join-Path $TestDrive 'pipe.onnx')
        Get-ErrorRecord { Import-BackpropOnnx -LiteralPath ./pipe.onnx } 'NotARegularFile' | Out-Null
    }
}
