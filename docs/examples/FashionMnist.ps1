<#
.SYNOPSIS
    Trains a 784-256-128-10 network on Fashion-MNIST's 60,000 training images and measures it on the 10,000 test images.

.DESCRIPTION
    The documented recipe: ReLU, ReLU and a softmax output with cross-entropy (the default loss for a softmax
    output), He-uniform hidden weights (the default for ReLU), Adam with learning rate 0.001, batches of 128
    drawn from a fresh shuffle every epoch, 12 epochs, seed 1. The data come from Debian's package
    (apt-get install -y dataset-fashion-mnist), or from the folder given with -Path. -Precision Single loads the
    images as floats and trains and measures in float32 (PyTorch's default), about twice as fast.

    It prints exactly three lines: the epochs, the training seconds (the epochs only, not reading the files)
    and the test accuracy as a fraction. tests/BackpropPS.Benchmarks/FashionMnist/fashion_mnist_torch.py is
    the same recipe in PyTorch, to compare on the same machine.
#>
param(
    # The folder with the four IDX files; Debian's by default.
    [string] $Path = '/usr/share/datasets/fashion-mnist',
    [int] $Epochs = 12,
    # Double (float64, the default) or Single (float32).
    [ValidateSet('Single', 'Double')]
    [string] $Precision = 'Double'
)
$ErrorActionPreference = 'Stop'
# The module built beside this script (out/BackpropPS, after build.ps1 Build), or else the installed one.
$built = Join-Path $PSScriptRoot '../../out/BackpropPS'
Import-Module $(if (Test-Path -LiteralPath $built) { $built } else { 'BackpropPS' }) -ErrorAction Stop

$train, $test = Get-BackpropDataset FashionMnist -Path $Path -Precision $Precision
$net = New-BackpropNetwork -LayerSize 784, 256, 128, 10 -Activation ReLU, ReLU, Softmax -Seed 1
$clock = [Diagnostics.Stopwatch]::StartNew()
$run = $train | Invoke-BackpropTraining -Network $net -Optimizer Adam -LearningRate 0.001 -Epochs $Epochs -BatchSize 128 -Shuffle -Seed 1 -Precision $Precision
$seconds = $clock.Elapsed.TotalSeconds
$report = $test | Measure-BackpropAccuracy -Network $run[-1].Network -Precision $Precision

$invariant = [cultureinfo]::InvariantCulture
"epochs: $($run.Count)"
"training seconds: $($seconds.ToString('F1', $invariant))"
"test accuracy: $($report.Accuracy.ToString('F4', $invariant))"
